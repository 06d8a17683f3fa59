"""The plugin's settings: defaults in one place, checked before anything is read.

A wrong setting stops the build with a message that names it (and, for a
misspelt network, lists the valid names) instead of silently dropping a
button from every post.
"""

import re
from dataclasses import dataclass

from pressless.core.errors import AuthorError

from .networks import NETWORKS

DEFAULTS = {
    "SHARE_BUTTONS": [
        "x", "facebook", "linkedin", "reddit", "bluesky", "mastodon", "email", "copy-link",
    ],
    "SHARE_BUTTONS_LABEL": "Share this:",
    "SHARE_BUTTONS_X_VIA": None,
    "SHARE_BUTTONS_ON_PAGES": False,
    # Site-relative path of the og:image used when a post has no Image.
    "SHARE_BUTTONS_DEFAULT_IMAGE": "{THEME_STATIC_DIR}/img/og-default.png",
    "SHARE_BUTTONS_DEFAULT_IMAGE_ALT": "{SITENAME}",
}

# X handles: 1-15 letters, digits or underscores, with or without the "@".
_X_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_OFF = {"off", "no", "false", "0", "hide", "hidden"}
_ON = {"on", "yes", "true", "1", "show"}


class ShareButtonsError(AuthorError):
    """A setting or a post header the plugin cannot work with."""


@dataclass(frozen=True)
class ShareSettings:
    networks: tuple
    label: str
    x_via: str | None
    on_pages: bool
    default_image: str | None
    default_image_alt: str


def _setting(settings, name):
    value = settings.get(name, DEFAULTS[name])
    if isinstance(value, str) and "{" in value and name.endswith(("IMAGE", "IMAGE_ALT")):
        value = value.format(
            THEME_STATIC_DIR=settings.get("THEME_STATIC_DIR", "theme"),
            SITENAME=settings.get("SITENAME", ""),
        )
    return value


def network_problems(names):
    """Problems with a SHARE_BUTTONS value, as a list of messages."""
    if isinstance(names, str) or not isinstance(names, list | tuple):
        return [f"SHARE_BUTTONS must be a list of network names, not {names!r}"]
    valid = ", ".join(NETWORKS)
    problems = []
    for name in names:
        if name not in NETWORKS:
            problems.append(
                f"SHARE_BUTTONS: unknown network {name!r}; valid names are: {valid}"
            )
    duplicates = sorted({name for name in names if names.count(name) > 1}, key=str)
    if duplicates:
        problems.append(f"SHARE_BUTTONS lists {', '.join(map(repr, duplicates))} twice")
    return problems


def read_settings(settings):
    """The plugin's settings with defaults filled in; raise ShareButtonsError if wrong."""
    names = _setting(settings, "SHARE_BUTTONS")
    problems = network_problems(names)
    label = _setting(settings, "SHARE_BUTTONS_LABEL")
    if not isinstance(label, str):
        problems.append(f"SHARE_BUTTONS_LABEL must be text, not {label!r}")
    x_via = _setting(settings, "SHARE_BUTTONS_X_VIA")
    if x_via is not None:
        match = _X_HANDLE.fullmatch(x_via) if isinstance(x_via, str) else None
        if not match:
            problems.append(
                f"SHARE_BUTTONS_X_VIA must be an X handle like 'pressless' or None, not {x_via!r}"
            )
        x_via = match[1] if match else None
    on_pages = _setting(settings, "SHARE_BUTTONS_ON_PAGES")
    if not isinstance(on_pages, bool):
        problems.append(f"SHARE_BUTTONS_ON_PAGES must be True or False, not {on_pages!r}")
    default_image = _setting(settings, "SHARE_BUTTONS_DEFAULT_IMAGE")
    if default_image is not None and not isinstance(default_image, str):
        problems.append(
            f"SHARE_BUTTONS_DEFAULT_IMAGE must be a site-relative path or None, "
            f"not {default_image!r}"
        )
    if problems:
        raise ShareButtonsError("share_buttons: " + "\n".join(problems))
    return ShareSettings(
        networks=tuple(names),
        label=label,
        x_via=x_via,
        on_pages=on_pages,
        default_image=default_image.lstrip("/") if default_image else None,
        default_image_alt=str(_setting(settings, "SHARE_BUTTONS_DEFAULT_IMAGE_ALT")),
    )


def share_wanted(value, source):
    """Read a post's `Share:` header (missing means on); name the file if unreadable."""
    if value is None:
        return True
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _OFF:
        return False
    if word in _ON:
        return True
    raise ShareButtonsError(
        f"share_buttons: {source}: Share: {value!r} is neither 'on' nor 'off'"
    )
