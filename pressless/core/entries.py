"""One model of the site's entries: which ones a build has, and what each one says in public.

Every plugin used to pick its own list of posts and work out a post's
canonical URL, plain-text title and preview image again; they disagreed (a
translation had no canonical URL, JSON-LD had no default image). Here the
sets are decided once and each entry's public facts computed once per build;
Open Graph, JSON-LD, canonical links and share links all read the same record.
"""

import contextlib
from dataclasses import dataclass, replace
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from .config import CONFIG_KEY, SettingsError, renamed, setting, text
from .errors import AuthorError, Problem
from .flags import FlagValueError, parse_choice, parse_flag
from .header import read_header_file
from .images import image_size, inside
from .text import plain_text
from .urls import absolute_url, site_url

PLUGIN = "template_tags"
DEFAULTS = {
    # The preview image of entries without an `Image:` (og:image, JSON-LD), site-relative.
    "DEFAULT_IMAGE": "{THEME_STATIC_DIR}/img/og-default.png",
    "DEFAULT_IMAGE_ALT": "{SITENAME}",
}
RENAMED = {
    "SEO_DEFAULT_IMAGE": "DEFAULT_IMAGE",
    "SHARE_BUTTONS_DEFAULT_IMAGE": "DEFAULT_IMAGE",
    "SHARE_BUTTONS_DEFAULT_IMAGE_ALT": "DEFAULT_IMAGE_ALT",
}
MODEL_KEY = "pressless_site_model"
# Where the checked SiteFacts are kept among the plugins' configs.
SITE_CONFIG = "site"


@dataclass(frozen=True)
class PreviewImage:
    path: str  # site-relative, e.g. 'images/photo.png'
    url: str  # absolute
    alt: str  # plain text; '' when the author gave none
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class SiteFacts:
    url: str  # SITEURL without the trailing slash
    content_root: Path
    default_image: PreviewImage | None


@dataclass(frozen=True)
class EntryFacts:
    url: str  # site-relative
    canonical_url: str
    title: str  # plain text
    description: str  # plain text
    image: PreviewImage | None  # the entry's own featured image
    preview_image: PreviewImage | None  # own image or the site's default, alt always set


@dataclass(frozen=True)
class EntrySets:
    listed_articles: tuple  # published posts, as the listings show them
    articles: tuple  # every post that gets a page: listed, hidden, drafts, translations
    pages: tuple  # every page that gets a page: listed, hidden, drafts, translations

    @property
    def all(self):
        return self.articles + self.pages


@dataclass(frozen=True)
class SiteModel:
    site: SiteFacts
    sets: EntrySets
    facts_by_entry: dict  # id(entry) -> EntryFacts

    def facts(self, entry):
        return self.facts_by_entry[id(entry)]


def source_of(entry):
    """The entry's file as the author knows it (relative to the working folder)."""
    path = Path(getattr(entry, "source_path", None) or getattr(entry, "url", ""))
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def entry_problem(entry, key, message):
    """An AuthorError naming the entry's file and the line of its `key:` header."""
    line = 1
    with contextlib.suppress(OSError, UnicodeDecodeError, AttributeError, TypeError):
        line = read_header_file(entry.source_path).line(key)
    return AuthorError(str(Problem(source_of(entry), line, message)))


def is_public(entry):
    """Reachable at its address on the published site: published or hidden, never a draft."""
    return getattr(entry, "status", "published") != "draft"


def is_listed(entry):
    """Published: in the listings, feeds and sitemap. A hidden entry is public but unlisted."""
    return getattr(entry, "status", "published") == "published"


def entry_flag(entry, key, default=False):
    """A yes/no header (`Sticky: yes`) of an entry; a bad value stops the build."""
    value = entry.metadata.get(key)
    try:
        return parse_flag(value, default)
    except FlagValueError as error:
        raise entry_problem(entry, key, f"{key.title()}: {error}") from None


def entry_choice(entry, key, choices, default):
    """A header that must be one of `choices` (`Comments: closed`); a bad value stops the build."""
    value = entry.metadata.get(key)
    try:
        return parse_choice(value, choices, default)
    except FlagValueError as error:
        raise entry_problem(entry, key, f"{key.title()}: {error}") from None


def check_site_settings(settings):
    """SiteFacts from the settings; raise SettingsError on a bad one."""
    renamed(PLUGIN, settings, RENAMED)
    default_image = text(PLUGIN, "DEFAULT_IMAGE", setting(settings, DEFAULTS, "DEFAULT_IMAGE"), optional=True)
    alt = text(PLUGIN, "DEFAULT_IMAGE_ALT", setting(settings, DEFAULTS, "DEFAULT_IMAGE_ALT"))
    site = site_url(settings)
    image = None
    if default_image:
        static_dir = settings.get("THEME_STATIC_DIR", "theme")
        path = default_image.format(THEME_STATIC_DIR=static_dir).lstrip("/")
        theme_static = Path(settings["THEME"]) / "static"
        prefix = static_dir.strip("/") + "/"
        if path.startswith(prefix):
            file = inside(theme_static / path[len(prefix):], [theme_static])
        else:
            file = inside(Path(settings["PATH"]) / path, [settings["PATH"]])
        if file is None or not file.is_file():
            raise SettingsError(
                f"{PLUGIN}: DEFAULT_IMAGE {default_image!r} is not a file in the theme's static "
                "folder or the content folder"
            )
        size = image_size(file)
        image = PreviewImage(
            path=path,
            url=absolute_url(site, path),
            alt=plain_text(alt.format(SITENAME=settings.get("SITENAME", ""))),
            width=size[0] if size else None,
            height=size[1] if size else None,
        )
    return SiteFacts(url=site, content_root=Path(settings["PATH"]), default_image=image)


def entry_sets(generators):
    """Which entries this build has, from its generators."""
    articles = pages = ()
    listed = ()
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            listed = tuple(generator.articles)
            articles = (*generator.articles, *generator.translations, *generator.hidden_articles,
                        *generator.hidden_translations, *generator.drafts, *generator.drafts_translations)
        elif isinstance(generator, PagesGenerator):
            pages = (*generator.pages, *generator.translations, *generator.hidden_pages,
                     *generator.hidden_translations, *generator.draft_pages, *generator.draft_translations)
    return EntrySets(listed_articles=listed, articles=articles, pages=pages)


def featured_image(entry, site):
    """The entry's `Image:` as a PreviewImage; stop the build if it is not a file under content/."""
    value = getattr(entry, "image", None)
    if not value:
        return None
    path = str(value).strip().lstrip("/")
    file = inside(site.content_root / path, [site.content_root])
    if file is None:
        raise entry_problem(entry, "image", f"Image {value!r} is outside the content folder; "
                            "use a path under it, like images/photo.jpg")
    if not file.is_file():
        raise entry_problem(entry, "image", f"Image {value!r} does not exist in the content folder")
    size = image_size(file)
    if size is None:
        raise entry_problem(entry, "image", f"Image {value!r} is not an image file Pillow can read")
    return PreviewImage(
        path=path,
        url=absolute_url(site.url, path),
        alt=plain_text(getattr(entry, "image_alt", "")),
        width=size[0],
        height=size[1],
    )


def entry_facts(entry, site):
    """The public facts of one entry."""
    title = plain_text(entry.title)
    image = featured_image(entry, site)
    preview = replace(image, alt=image.alt or title) if image else site.default_image
    return EntryFacts(
        url=entry.url,
        canonical_url=absolute_url(site.url, entry.url),
        title=title,
        description=plain_text(getattr(entry, "summary", "")),
        image=image,
        preview_image=preview,
    )


def model_of(generators):
    """The build's SiteModel, with the SiteFacts the template_tags plugin checked."""
    try:
        site = generators[0].context[CONFIG_KEY][SITE_CONFIG]
    except KeyError:
        raise SettingsError(f"the site model needs '{PLUGIN}' in PLUGINS (as plugins.{PLUGIN})") from None
    return site_model(generators, site)


def site_model(generators, site):
    """The build's SiteModel, computed on first use and kept in the build's context."""
    context = generators[0].context
    key = tuple(id(generator) for generator in generators)
    cached = context.get(MODEL_KEY)
    if cached and cached[0] == key:
        return cached[1]
    sets = entry_sets(generators)
    model = SiteModel(site, sets, {id(entry): entry_facts(entry, site) for entry in sets.all})
    context[MODEL_KEY] = (key, model)
    return model


def regroup_entry_sets(generators):
    """After posts were added to or taken from the generators' lists in place (the live preview):
    the kept model's entry sets made again, the facts it holds kept."""
    context = generators[0].context
    cached = context.get(MODEL_KEY)
    if cached:
        key, model = cached
        context[MODEL_KEY] = (key, replace(model, sets=entry_sets(generators)))


def refresh_entry_facts(generators, entry):
    """The facts of one entry computed again, in the model this build keeps; return them.

    For an entry whose headers changed in place: the sender of
    pressless.core.refresh.ENTRY_REFRESHED calls it before the handlers run.
    """
    model = model_of(generators)
    facts = entry_facts(entry, model.site)
    model.facts_by_entry[id(entry)] = facts
    return facts
