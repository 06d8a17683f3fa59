"""WCAG 2.1 AA contrast for the theme's colour pairs, in light and dark."""

import re

import pytest

from tests.fixtures.blog.metadata import ROOT

CSS = (ROOT / "theme" / "static" / "css" / "style.css").read_text()
TEXT_PAIRS = [
    ("--color-text", "--color-surface"),
    ("--color-text", "--color-page"),
    ("--color-muted", "--color-surface"),
    ("--color-link", "--color-surface"),
    ("--color-link-hover", "--color-surface"),
    ("--color-accent", "--color-surface"),
    ("--color-text", "--color-code-bg"),
    ("--color-muted", "--color-code-bg"),
    ("--color-link", "--color-code-bg"),
    ("--color-surface", "--color-text"),  # buttons: light text on dark fill
    ("--color-surface", "--color-link"),  # buttons on hover
]


def _palette(block):
    return dict(re.findall(r"(--color-[a-z-]+):\s*(#[0-9a-fA-F]{6})", block))


def _palettes():
    light = _palette(CSS[CSS.index(":root {") : CSS.index("}", CSS.index(":root {"))])
    dark_start = CSS.index("@media (prefers-color-scheme: dark)")
    dark = {**light, **_palette(CSS[dark_start : CSS.index("}\n}", dark_start)])}
    return {"light": light, "dark": dark}


def _relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((_relative_luminance(a), _relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_meet_aa(scheme):
    palette = _palettes()[scheme]
    for foreground, background in TEXT_PAIRS:
        ratio = contrast(palette[foreground], palette[background])
        assert ratio >= 4.5, f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"
