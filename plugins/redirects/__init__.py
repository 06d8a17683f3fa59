"""Redirect pages for old addresses: every `Redirect_From:` path answers.

A post moved from another blog lists its old addresses in `Redirect_From:`
(pressless.core.redirects). For each one that is a plain path, this plugin
writes a small page at that path which sends the reader on to the post:
a meta refresh, a canonical link for search engines and a visible link for
everyone else. Addresses with a query string (`/?p=123`) cannot be files;
they are left to the host's redirect rules (redirect_file_lines).

The pages are rendered and written directly, not through Pelican's writer,
so they never reach the sitemap: they are not pages of their own.
"""

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_relative_path

from pressless.core.errors import AuthorError, show_author_errors_without_traceback

from .pages import plan_redirect_pages

logger = logging.getLogger(__name__)

DEFAULTS = {
    "REDIRECTS_PAGES": True,
    "REDIRECTS_TEMPLATE": "redirect",
}


class RedirectsSettingsError(AuthorError):
    pass


def check_settings(pelican):
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if not isinstance(settings["REDIRECTS_PAGES"], bool):
        raise RedirectsSettingsError(
            f"redirects: REDIRECTS_PAGES is {settings['REDIRECTS_PAGES']!r}; set it to True or False"
        )
    if not isinstance(settings["REDIRECTS_TEMPLATE"], str) or not settings["REDIRECTS_TEMPLATE"]:
        raise RedirectsSettingsError(
            "redirects: REDIRECTS_TEMPLATE must name a template, "
            'e.g. "redirect" (theme/templates/redirect.html)'
        )


def listed_entries(context):
    """Every post and page a build publishes; drafts have no old address to keep."""
    return [
        *context.get("articles", []),
        *context.get("hidden_articles", []),
        *context.get("pages", []),
        *context.get("hidden_pages", []),
    ]


class RedirectPagesGenerator(Generator):
    """Writes one redirect page per plain old path, after the site's own pages."""

    def generate_output(self, writer):
        if not self.settings.get("REDIRECTS_PAGES", True):
            return
        entries = listed_entries(self.context)
        taken = {entry.save_as for entry in entries if getattr(entry, "save_as", None)}
        output = Path(self.output_path)
        pages, problems = plan_redirect_pages(
            entries, taken=taken, exists=lambda name: (output / name).exists()
        )
        for problem in problems:
            logger.warning("redirects: %s", problem)
        if not pages:
            return
        template = self.get_template(self.settings["REDIRECTS_TEMPLATE"])
        for page in pages:
            site_url = self.settings["SITEURL"]
            if self.settings.get("RELATIVE_URLS"):
                site_url = get_relative_path(page.file)
            html = template.render({
                **self.context,
                "SITEURL": site_url,
                "output_file": page.file,
                "entry": page.entry,
                "old_path": page.old,
            })
            _write_whole(output / page.file, html)
        logger.info("redirects: wrote %d redirect page(s)", len(pages))


def _write_whole(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def get_generators(pelican):
    return RedirectPagesGenerator


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
