"""The tools behind the tasks: build, check, new-post, comments-pull.

They use pressless.core and Pelican; they never import a plugin.
"""
