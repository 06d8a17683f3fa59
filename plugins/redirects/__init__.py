"""Redirect pages for old addresses: every `Redirect_From:` path answers.

A post moved from another blog lists its old addresses in `Redirect_From:`
(pressless.core.redirects). For each one that is a plain path, this plugin
writes a small page at that path which sends the reader on to the post:
a meta refresh, a canonical link for search engines and a visible link for
everyone else. Addresses with a query string (`/?p=123`) cannot be files;
they are left to the host's redirect rules (redirect_file_lines).

The pages go through Pelican's writer marked `noindex`, so they never
reach the sitemap: they are not pages of their own.
"""

import logging
from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator

from pressless.core.config import config_of, setting, store_config, text, yes_or_no
from pressless.core.errors import show_author_errors_without_traceback

from .pages import plan_redirect_pages

logger = logging.getLogger(__name__)

PLUGIN = "redirects"
DEFAULTS = {
    # Write a redirect page for every plain old path.
    "REDIRECTS_PAGES": True,
    # The theme template a redirect page is rendered with.
    "REDIRECTS_TEMPLATE": "redirect",
}


@dataclass(frozen=True)
class RedirectsConfig:
    pages: bool
    template: str


def check(pelican):
    settings = pelican.settings
    template = text(PLUGIN, "REDIRECTS_TEMPLATE", setting(settings, DEFAULTS, "REDIRECTS_TEMPLATE"))
    config = RedirectsConfig(
        pages=yes_or_no(PLUGIN, "REDIRECTS_PAGES", setting(settings, DEFAULTS, "REDIRECTS_PAGES")),
        template=template,
    )
    store_config(settings, PLUGIN, config)


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
        config = config_of(self.context, PLUGIN)
        if not config.pages:
            return
        entries = listed_entries(self.context)
        taken = {entry.save_as for entry in entries if getattr(entry, "save_as", None)}
        pages, problems = plan_redirect_pages(entries, taken=taken)
        template = self.get_template(config.template) if pages else None
        written = 0
        for page in pages:
            try:
                writer.write_file(
                    page.file,
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    entry=page.entry,
                    old_path=page.old,
                    noindex=True,
                )
                written += 1
            except RuntimeError:
                # Pelican's writer refuses to replace a page written earlier in this build.
                problems.append(
                    f"{getattr(page.entry, 'source_path', '')}: Redirect_From {page.old!r} is a page "
                    "of this site; not replaced"
                )
        for problem in problems:
            logger.warning("redirects: %s", problem)
        if written:
            logger.info("redirects: wrote %d redirect page(s)", written)


def get_generators(pelican):
    return RedirectPagesGenerator


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.get_generators.connect(get_generators)
