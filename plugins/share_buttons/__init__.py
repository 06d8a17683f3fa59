"""Share buttons: a "Share this:" row on posts, with no trackers.

Settings are checked when Pelican starts, so a misspelt network stops the
build before anything is read. Once every generator has read its content
(and template_tags has given each entry its canonical URL), each post gets
`share_links` (see links.py) and `share_image` (its og:image); a small
generator then writes one Mastodon help page per shared post, the place the
Mastodon button leads to when JavaScript is off.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.images import image_size
from pressless.core.text import plain_text

from .links import mastodon_help_save_as, share_links
from .networks import SharePost
from .settings import read_settings, share_wanted

logger = logging.getLogger(__name__)

# Entries whose Mastodon help page is to be written, kept in the build's own
# context (no module state survives between autoreload builds).
_HELP_ENTRIES = "share_buttons_help_entries"


@dataclass(frozen=True)
class ShareImage:
    url: str
    alt: str
    width: int | None = None
    height: int | None = None


def check_settings(pelican):
    config = read_settings(pelican.settings)
    # The templates read these; fill in the defaults so they always exist.
    pelican.settings.setdefault("SHARE_BUTTONS_LABEL", config.label)


def _site_url(settings):
    return settings["SITEURL"].rstrip("/")


def share_image(entry, config, settings):
    """The featured image, else the site default, as an absolute URL with alt text."""
    title = plain_text(entry.title)
    image = getattr(entry, "image", None)
    if image:
        return ShareImage(
            url=f"{_site_url(settings)}/{image.lstrip('/')}",
            alt=plain_text(getattr(entry, "image_alt", "")) or title,
            width=getattr(entry, "image_width", None),
            height=getattr(entry, "image_height", None),
        )
    if not config.default_image:
        return None
    size = None
    static_prefix = settings.get("THEME_STATIC_DIR", "theme").strip("/") + "/"
    if config.default_image.startswith(static_prefix):
        relative = config.default_image[len(static_prefix):]
        size = image_size(Path(settings["THEME"]) / "static" / relative)
    return ShareImage(
        url=f"{_site_url(settings)}/{config.default_image}",
        alt=config.default_image_alt,
        width=size[0] if size else None,
        height=size[1] if size else None,
    )


def _shared_and_previewed(generators, config):
    """(entries that get a share row, entries that get only link previews)."""
    shared, previewed = [], []
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            shared += [*generator.articles, *generator.translations,
                       *generator.hidden_articles, *generator.hidden_translations]
            # A draft is not for sharing yet; it still gets its previews.
            previewed += [*generator.drafts, *generator.drafts_translations]
        elif isinstance(generator, PagesGenerator):
            pages = [*generator.pages, *generator.translations,
                     *generator.hidden_pages, *generator.hidden_translations]
            (shared if config.on_pages else previewed).extend(pages)
            previewed += [*generator.draft_pages, *generator.draft_translations]
    return shared, previewed


def add_share_links(generators):
    settings = generators[0].settings
    config = read_settings(settings)
    shared, previewed = _shared_and_previewed(generators, config)
    help_entries = []
    for entry in (*shared, *previewed):
        entry.share_image = share_image(entry, config, settings)
        entry.share_links = []
    for entry in shared:
        source = getattr(entry, "source_path", entry.url)
        if not share_wanted(entry.metadata.get("share"), source):
            continue
        post = SharePost(
            url=getattr(entry, "canonical_url", None) or f"{_site_url(settings)}/{entry.url}",
            title=plain_text(entry.title),
            summary=plain_text(getattr(entry, "summary", "")),
            image_url=entry.share_image.url if getattr(entry, "image", None) else None,
            x_via=config.x_via,
        )
        entry.share_links = share_links(post, config.networks, entry.url)
        if any(link.kind == "mastodon" for link in entry.share_links):
            help_entries.append(entry)
    generators[0].context[_HELP_ENTRIES] = help_entries


class MastodonHelpGenerator(Generator):
    """Writes share/mastodon/<post URL>: how to share that post by hand."""

    def generate_output(self, writer):
        template = self.get_template("share-mastodon")
        for entry in self.context.get(_HELP_ENTRIES, []):
            link = next(link for link in entry.share_links if link.kind == "mastodon")
            writer.write_file(
                mastodon_help_save_as(entry.url),
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                entry=entry,
                share_link=link,
            )


def get_generators(pelican):
    return MastodonHelpGenerator


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(add_share_links)
    signals.get_generators.connect(get_generators)
