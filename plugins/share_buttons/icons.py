"""Icon outlines for the share row: SVG path data on a 24×24 grid.

Drawn for this theme as simple strokes (letter marks for the networks,
pictograms for the actions), not copies of the networks' logos. The theme
wraps each in `<svg viewBox="0 0 24 24">` stroked with currentColor, so the
icons follow the text colour in light and dark mode.
"""

ICONS = {
    "x": "M5 4l14 16M19 4L5 20",
    "facebook": "M16 3h-2.5A3.5 3.5 0 0 0 10 6.5V21M6.5 10.5h8",
    "linkedin": "M5 10v9M5 5.5v.5M10 19v-9M10 14a4 4 0 0 1 8 0v5",
    "reddit": "M5 15a7 4.5 0 1 0 14 0a7 4.5 0 1 0-14 0M12 10.5l1.5-6 4 1"
    "M9 14.5v.5M15 14.5v.5M9.5 17.5q2.5 1.5 5 0",
    "hackernews": "M4 4h16v16H4zM8 7.5l4 5 4-5M12 12.5V17",
    "bluesky": "M12 11C10 6.5 5.5 3.5 4 5s.5 6 4 6.5c-3.5.5-4 3.5-1.5 5S11 15 12 12.5"
    "c1 2.5 3 6 5.5 4s2-5-1.5-5.5c3.5-.5 5.5-5 4-6.5S14 6.5 12 11z",
    "mastodon": "M5 4h14a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H10l-5 4V5a1 1 0 0 1 0-1z"
    "M8 13V8.5a1.5 1.5 0 0 1 4 0V11M12 11V8.5a1.5 1.5 0 0 1 4 0V13",
    "threads": "M16 12a4 4 0 1 1-1.2-2.9M16 9v4.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-3.5 7.1",
    "telegram": "M21 4L3 11.5l6 2 2 6.5 3.5-4.5 4.5 3.5zM9 13.5L21 4",
    "whatsapp": "M4 20l1.4-4.2A8 8 0 1 1 8.4 18.7zM9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.5-2-1-1 1"
    "c-1.5-.5-2.5-1.5-3-3l1-1-1-2z",
    "pinterest": "M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18M10 20l2.5-11.5M11.5 13h1.5a3 3 0 0 0 0-6"
    "h-2.5",
    "tumblr": "M10 3v13.5a3.5 3.5 0 0 0 3.5 3.5H17M6.5 9h9",
    "pocket": "M4 5h16v6a8 8 0 0 1-16 0zM8 10l4 4 4-4",
    "email": "M3 5h18v14H3zM3 6l9 7 9-7",
    "print": "M6 9V3h12v6M6 18H3v-9h18v9h-3M6 14h12v7H6z",
    "copy-link": "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"
    "M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
    "native": "M12 3v12M8 7l4-4 4 4M5 11v9h14v-9",
}
