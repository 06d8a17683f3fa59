"""Publish settings: `invoke preview` and `invoke publish` build with these."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# Set this to the address the blog is served from.
SITEURL = "https://pressless.example"
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL

# Drafts are never published: Pelican writes them unless told not to.
DRAFT_URL = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_URL = ""
DRAFT_PAGE_SAVE_AS = ""
SHOW_DRAFTS = False
