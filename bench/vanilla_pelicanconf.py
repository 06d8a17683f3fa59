"""Vanilla Pelican, the benchmark's baseline: built-in theme, no plugins.

Everything is Pelican's default except what is needed to read the same
corpus as Pressless. PATH and OUTPUT_PATH come from the command line.
"""

SITENAME = "Benchmark blog"
# Pelican warns that feeds need an absolute URL; Hugo and Jekyll get the same one.
SITEURL = "http://127.0.0.1:8000"
THEME = "simple"
PLUGINS = []
# The default ARTICLE_PATHS ("" = the whole content tree) would also read
# content/comments/*/*.md as posts; read the folders Pressless reads.
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
# Set only to silence the "assuming UTC" warning; UTC is the default anyway.
TIMEZONE = "UTC"
