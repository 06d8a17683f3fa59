"""Avatars drawn locally: the commenter's initials on a colour from their name.

No request leaves the page. The SVG is inline (an <img src="data:..."> would
need `data:` in the Content-Security-Policy's img-src) and hidden from
assistive technology, since the name is printed beside it. Gravatar is only
used when the site owner turns it on.
"""

import colorsys
import hashlib
from html import escape

from markupsafe import Markup

AVATAR_SIZE = 40
GRAVATAR_URL = "https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


def initials(name):
    """Up to two initials: first letters of the first and last words."""
    words = [word for word in name.split() if any(char.isalnum() for char in word)]
    if not words:
        return "?"
    letters = [next(char for char in word if char.isalnum()) for word in words]
    picked = letters[0] + (letters[-1] if len(letters) > 1 else "")
    return picked.upper()


def avatar_colour(name):
    """A stable background colour for a name, dark enough for white text.

    Lightness 30% keeps white initials above 4.5:1 contrast for every hue.
    """
    digest = hashlib.sha256(name.strip().lower().encode("utf-8")).digest()
    hue = int.from_bytes(digest[:2], "big") / 65536
    red, green, blue = colorsys.hls_to_rgb(hue, 0.30, 0.45)
    return "#{:02x}{:02x}{:02x}".format(*(round(part * 255) for part in (red, green, blue)))


def avatar_svg(name, size=AVATAR_SIZE):
    """An inline <svg> avatar for `name`."""
    return Markup(
        f'<svg class="avatar" width="{size}" height="{size}" viewBox="0 0 40 40" '
        'aria-hidden="true" focusable="false">'
        f'<rect width="40" height="40" rx="4" fill="{avatar_colour(name)}"/>'
        '<text x="20" y="20" dy="0.35em" text-anchor="middle" fill="#ffffff" '
        'font-family="sans-serif" font-size="16" font-weight="bold">'
        f"{escape(initials(name))}</text></svg>"
    )


def gravatar_img(email, size=AVATAR_SIZE):
    """An <img> from Gravatar for `email` (only the hash leaves the site)."""
    digest = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()
    src = GRAVATAR_URL.format(digest=digest, size=size * 2)
    return Markup(
        f'<img class="avatar" src="{escape(src)}" width="{size}" height="{size}" '
        'alt="" loading="lazy" referrerpolicy="no-referrer">'
    )
