"""The plugin's settings: defaults in one place, checked before anything is read.

A wrong setting stops the build with a message that names it (and, for a
misspelt network, lists the valid names) instead of silently dropping a
button from every post.
"""

import re
from dataclasses import dataclass

from pressless.core.config import SettingsError, setting

from .networks import NETWORKS

PLUGIN = "share_buttons"
DEFAULTS = {
    # The networks and their order; NETWORKS in networks.py has every valid name.
    "SHARE_BUTTONS": [
        "x", "facebook", "linkedin", "reddit", "bluesky", "mastodon", "email", "copy-link",
    ],
    # The heading of the share row.
    "SHARE_BUTTONS_LABEL": "Share this:",
    # An X handle added as "via @handle", or None.
    "SHARE_BUTTONS_X_VIA": None,
    # Show the share row on pages too, not only on posts.
    "SHARE_BUTTONS_ON_PAGES": False,
}

# X handles: 1-15 letters, digits or underscores, with or without the "@".
_X_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,15})")


@dataclass(frozen=True)
class ShareConfig:
    networks: tuple
    label: str
    x_via: str | None
    on_pages: bool


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


def check_settings(settings):
    """The checked ShareConfig; raise SettingsError naming every bad setting."""
    names = setting(settings, DEFAULTS, "SHARE_BUTTONS")
    problems = network_problems(names)
    label = setting(settings, DEFAULTS, "SHARE_BUTTONS_LABEL")
    if not isinstance(label, str):
        problems.append(f"SHARE_BUTTONS_LABEL must be text, not {label!r}")
    x_via = setting(settings, DEFAULTS, "SHARE_BUTTONS_X_VIA")
    if x_via is not None:
        match = _X_HANDLE.fullmatch(x_via) if isinstance(x_via, str) else None
        if not match:
            problems.append(
                f"SHARE_BUTTONS_X_VIA must be an X handle like 'pressless' or None, not {x_via!r}"
            )
        x_via = match[1] if match else None
    on_pages = setting(settings, DEFAULTS, "SHARE_BUTTONS_ON_PAGES")
    if not isinstance(on_pages, bool):
        problems.append(f"SHARE_BUTTONS_ON_PAGES must be True or False, not {on_pages!r}")
    if problems:
        raise SettingsError(f"{PLUGIN}: " + "\n".join(problems))
    return ShareConfig(networks=tuple(names), label=label, x_via=x_via, on_pages=on_pages)
