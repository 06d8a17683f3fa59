"""Pelican's own settings that the theme and the plugins rely on, checked before anything is read.

Pelican takes `SITEURL = ""`, `DEFAULT_PAGINATION = -1` or a timezone it
does not know without a word, and the build then fails with a traceback
half way, or succeeds with relative "absolute" URLs and no front page. Each
is checked at `initialized` and stops the build with one line naming it.
"""

from pelican import signals

from pressless.core.config import store_config
from pressless.core.errors import show_author_errors_without_traceback

from .checks import PLUGIN, check_settings

# This plugin has no settings of its own: it checks Pelican's (README.md lists them).
DEFAULTS = {}


def check(pelican):
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
