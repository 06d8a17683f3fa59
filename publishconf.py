"""Publish settings: `invoke preview` and `invoke publish` build with these into public/."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# Set this to the address the blog is served from.
SITEURL = "https://pressless.example"
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL

# Where `invoke publish` puts the site (README: Publishing), one of
#   "file:///srv/blog"                  a folder here; serve /srv/blog/current
#   "ssh://deploy@example.org/srv/blog" rsync over SSH; serve /srv/blog/current there
#   "github-pages" or "github-pages:REMOTE"  the gh-pages branch, pushed
#   "s3://bucket/prefix"                S3, MinIO or R2 (PUBLISH_S3_ENDPOINT_URL)
PUBLISH_TARGET = None
PUBLISH_KEEP_RELEASES = 5  # file:// and ssh://: releases kept for `invoke publish --rollback`
PUBLISH_SSH_COMMAND = "ssh"  # e.g. "ssh -i ~/.ssh/blog_deploy"
PUBLISH_S3_ENDPOINT_URL = None  # None: AWS; or e.g. "https://ACCOUNT.r2.cloudflarestorage.com"
PUBLISH_S3_REGION = None  # None: boto3's own (AWS_REGION, ~/.aws/config)
PUBLISH_RSYNC_OPTIONS = []  # extra rsync arguments for ssh://, e.g. ["--bwlimit=500"]

# Drafts are never published: Pelican writes them unless told not to.
DRAFT_URL = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_URL = ""
DRAFT_PAGE_SAVE_AS = ""
SHOW_DRAFTS = False
