"""`invoke check`: prove a built site valid, accessible, light and whole.

One module per checker, each with a `check_*` function that returns a
`CheckResult`; `runner.run_checks` serves the site on 127.0.0.1 and runs
them all. The checkers drive the real tools (the Nu HTML Checker, axe-core
and Lighthouse from node_modules/, Debian's Chromium, feedparser).
"""
