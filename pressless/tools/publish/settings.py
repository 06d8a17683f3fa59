"""The publish settings, and the refusal to publish a site built for the wrong address."""

import os
from urllib.parse import urlsplit

from pressless.core.hosting import DEFAULT_CACHE_RULES
from pressless.core.urls import is_local_address

from . import releases
from .errors import PublishError

DEFAULTS = {
    "PUBLISH_TARGET": None,
    "PUBLISH_KEEP_RELEASES": releases.DEFAULT_KEEP,
    "PUBLISH_SSH_COMMAND": "ssh",
    "PUBLISH_RSYNC_OPTIONS": [],
    "PUBLISH_S3_ENDPOINT_URL": None,
    "PUBLISH_S3_REGION": None,
    "HOSTING_CACHE_RULES": DEFAULT_CACHE_RULES,
}
# The address publishconf.py ships with: a reserved name no reader can open.
EXAMPLE_SITE_URL = "https://pressless.example"
# Reserved for examples and tests (RFC 2606): never a real blog's address.
RESERVED_SUFFIXES = (".example", ".invalid", ".localhost")


def load_settings(settings_file):
    """Pelican's settings from the file, with the PUBLISH_* defaults filled in."""
    from pelican.settings import read_settings

    try:
        settings = read_settings(str(settings_file))
    except Exception as error:  # a settings file is Python: any error can come out of it
        raise PublishError(f"{settings_file}: cannot be read: {error}") from None
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    if not settings["PUBLISH_S3_ENDPOINT_URL"]:
        settings["PUBLISH_S3_ENDPOINT_URL"] = os.environ.get("PUBLISH_S3_ENDPOINT_URL") or None
    return settings


def site_url_problem(site_url):
    """Why a site built for this SITEURL must not be published, or None."""
    site = (site_url or "").strip().rstrip("/")
    if not site:
        return "SITEURL is empty: set it in publishconf.py to the address readers will use"
    parts = urlsplit(site)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITEURL {site} is not a web address: write it as https://your.domain"
    if is_local_address(site):
        return f"SITEURL {site} only opens on this machine: set publishconf.py's SITEURL to the public one"
    if site == EXAMPLE_SITE_URL or parts.hostname.endswith(RESERVED_SUFFIXES):
        return f"SITEURL is the example address {site}: set publishconf.py's SITEURL to your blog's address"
    return None


def refuse_unsafe_site_url(settings, settings_file):
    problem = site_url_problem(settings.get("SITEURL"))
    if problem:
        raise PublishError(f"{settings_file}: {problem}; nothing was published")
