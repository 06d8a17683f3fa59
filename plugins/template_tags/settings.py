"""The theme's own settings (sidebar, tag cloud, default preview image), checked once."""

from dataclasses import dataclass
from pathlib import Path

from pressless.core.config import SettingsError, setting, whole_number
from pressless.core.entries import DEFAULTS as SITE_DEFAULTS

PLUGIN = "template_tags"
DEFAULTS = {
    # The sidebar's widgets in order; each is theme/templates/partials/widgets/NAME.html.
    "SIDEBAR_WIDGETS": ["search", "recent-posts", "recent-comments", "archives", "categories",
                        "tag-cloud", "meta"],
    # How many posts the Recent Posts widget lists.
    "SIDEBAR_RECENT_POSTS": 5,
    # How many font sizes the tag cloud uses.
    "TAG_CLOUD_STEPS": 4,
    **SITE_DEFAULTS,
}


@dataclass(frozen=True)
class ThemeConfig:
    widgets: tuple
    recent_posts: int
    tag_cloud_steps: int


def check_settings(settings):
    widgets = setting(settings, DEFAULTS, "SIDEBAR_WIDGETS")
    if isinstance(widgets, str) or not isinstance(widgets, list | tuple):
        raise SettingsError(f"{PLUGIN}: SIDEBAR_WIDGETS must be a list of widget names, not {widgets!r}")
    folder = Path(settings["THEME"]) / "templates" / "partials" / "widgets"
    known = sorted(path.stem for path in folder.glob("*.html"))
    unknown = [name for name in widgets if name not in known]
    if unknown:
        raise SettingsError(
            f"{PLUGIN}: SIDEBAR_WIDGETS names {', '.join(map(repr, unknown))}, which the theme does not "
            f"have; valid names are: {', '.join(known)}"
        )
    return ThemeConfig(
        widgets=tuple(widgets),
        recent_posts=whole_number(PLUGIN, "SIDEBAR_RECENT_POSTS", setting(settings, DEFAULTS,
                                                                          "SIDEBAR_RECENT_POSTS")),
        tag_cloud_steps=whole_number(PLUGIN, "TAG_CLOUD_STEPS",
                                     setting(settings, DEFAULTS, "TAG_CLOUD_STEPS"), maximum=10),
    )
