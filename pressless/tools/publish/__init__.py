"""`invoke publish`: build with publishconf.py, check, then put the site on a host.

run.py decides whether anything may be published and in what order;
targets.py reads the target address; plan.py compares the new site with
what is live (what --dry-run prints); one module per kind of host does the
upload: local.py (file://), ssh.py (ssh://), github_pages.py, s3.py.
"""
