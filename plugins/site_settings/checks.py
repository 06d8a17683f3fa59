"""The checks of Pelican's settings: pure, each raising SettingsError with one line."""

from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pressless.core.config import SettingsError, text, yes_or_no
from pressless.core.slugs import language_problem

PLUGIN = "site_settings"


@dataclass(frozen=True)
class SiteSettings:
    publish: bool  # RELATIVE_URLS is False: every link is absolute, under SITEURL
    site_url: str
    pagination: int | None  # posts per listing page; None: one page of everything


def address_problem(value):
    """Why `value` is not an absolute web address a site can live at, or None.

    (Pelican itself drops a trailing '/' from SITEURL, with a warning.)
    """
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an absolute http:// or https:// address"
    if parts.query or parts.fragment:
        return "has a query or a fragment"
    return None


def check_site_url(settings, publish):
    value = text(PLUGIN, "SITEURL", settings.get("SITEURL", ""))
    if not value:
        build = (
            "a publish build (RELATIVE_URLS = False) makes every link absolute"
            if publish else "canonical links, feeds and share links are absolute"
        )
        raise SettingsError(
            f"{PLUGIN}: SITEURL is empty, but {build}; set it to the address the site is served from, "
            "like 'https://blog.example.org' (or 'http://127.0.0.1:8000' for a preview)"
        )
    problem = address_problem(value)
    if problem:
        raise SettingsError(f"{PLUGIN}: SITEURL {value!r} {problem}")
    feed_domain = settings.get("FEED_DOMAIN")
    if feed_domain not in (None, ""):
        problem = address_problem(text(PLUGIN, "FEED_DOMAIN", feed_domain))
        if problem:
            raise SettingsError(f"{PLUGIN}: FEED_DOMAIN {feed_domain!r} {problem}; set it to SITEURL")
    return value


def check_pagination(settings):
    value = settings.get("DEFAULT_PAGINATION", False)
    if value is False:
        patterns = None
    else:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise SettingsError(
                f"{PLUGIN}: DEFAULT_PAGINATION must be a whole number of posts per page, at least 1, "
                f"or False for one page of every post; not {value!r}"
            )
        patterns = settings.get("PAGINATION_PATTERNS")
    if patterns is not None:
        shaped = isinstance(patterns, list | tuple) and patterns and all(
            isinstance(p, list | tuple) and len(p) == 3 and isinstance(p[0], int)
            and isinstance(p[1], str) and isinstance(p[2], str) for p in patterns
        )
        if not shaped or patterns[0][0] != 1:
            raise SettingsError(
                f"{PLUGIN}: PAGINATION_PATTERNS must be (number, url, save_as) rows starting at page 1, "
                f"like pelicanconf.py's; not {patterns!r}"
            )
    return value or None


def check_timezone(settings):
    name = text(PLUGIN, "TIMEZONE", settings.get("TIMEZONE") or "UTC")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"{PLUGIN}: TIMEZONE {name!r} is not a timezone name like 'Europe/Berlin' or 'UTC'"
        ) from None


def check_texts(settings):
    for name in ("SITENAME", "DEFAULT_DATE_FORMAT", "DEFAULT_CATEGORY", "INDEX_SAVE_AS"):
        value = text(PLUGIN, name, settings.get(name, ""))
        if not value.strip():
            raise SettingsError(f"{PLUGIN}: {name} must not be empty")
    lang = text(PLUGIN, "DEFAULT_LANG", settings.get("DEFAULT_LANG"))
    problem = language_problem(lang)
    if problem:
        raise SettingsError(f"{PLUGIN}: DEFAULT_LANG {lang!r} {problem}")


def check_escaping(settings):
    # The theme prints every value escaped unless it says |safe: comment
    # authors' names and everything else a reader can send rely on it.
    jinja = settings.get("JINJA_ENVIRONMENT") or {}
    if jinja.get("autoescape") is not True:
        raise SettingsError(
            f"{PLUGIN}: JINJA_ENVIRONMENT must keep 'autoescape': True; the theme relies on it "
            "to escape what commenters and authors write"
        )


def check_settings(settings):
    """The checked SiteSettings; raise SettingsError naming the first bad setting."""
    publish = not yes_or_no(PLUGIN, "RELATIVE_URLS", settings.get("RELATIVE_URLS", False))
    site_url = check_site_url(settings, publish)
    pagination = check_pagination(settings)
    check_timezone(settings)
    check_texts(settings)
    check_escaping(settings)
    return SiteSettings(publish=publish, site_url=site_url, pagination=pagination)
