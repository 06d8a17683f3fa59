"""Slugs are parts of addresses and of file names: what makes one safe.

A slug ends up in the permalink (`2026/03/14/<slug>/`), in the file the
page is written to, in canonical and og:url, in the sitemap and in share
links. Pelican takes a `Slug:` header as it is written, so `../../escape`
writes outside the post's folder and `../../..` over the front page. We
accept what WordPress would keep after sanitising a slug (lower-case
letters, digits, '-' and '_'), and for anything else suggest the slug
WordPress would make of it, so the author can copy it.
"""

import re
import unicodedata

# WordPress keeps post slugs in a 200-character column; it also keeps each
# path part well under the 255 bytes a Linux file name may have.
SLUG_MAX = 200
PLAIN_SLUG = re.compile(r"^[a-z0-9_-]+$")
_NOT_PLAIN = re.compile(r"[^a-z0-9_]+")
# A language code as BCP 47 writes it: 'en', 'pt-BR', 'zh-Hant'.
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def suggested_slug(text):
    """The slug WordPress would make of `text`: accents dropped, lower case,
    every run of other characters one '-', no '-' at either end."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_PLAIN.sub("-", ascii_only).strip("-")[:SLUG_MAX].strip("-")


def slug_problem(slug, *, plain=True):
    """Why `slug` cannot be an address part (one phrase), or None when it can.

    `plain=False` checks only what breaks a build (empty, too long): for a
    slug Pelican made itself, whose characters the site's SLUGIFY_* settings chose.
    """
    if len(slug) > SLUG_MAX:
        return f"is {len(slug)} characters long (at most {SLUG_MAX} fit a file name)"
    if not slug.strip("-_"):
        return "has no letters or digits"
    if plain and not PLAIN_SLUG.match(slug):
        return "may hold only lower-case letters, digits, '-' and '_'"
    return None


def slug_advice(slug):
    """What to write instead: the WordPress-style slug, or a request for one."""
    suggestion = suggested_slug(slug)
    if len(slug) > SLUG_MAX:
        return "write a shorter Slug:"
    if suggestion and suggestion != slug:
        return f"use Slug: {suggestion}"
    return "write a Slug: of lower-case letters, digits and '-'"


def language_problem(lang):
    """Why a `Lang:` value cannot be the address folder of a translation, or None."""
    if LANGUAGE_CODE.match(lang):
        return None
    return "is not a language code like 'en', 'pt-BR' or 'pt_BR'"


def output_collisions(writes):
    """Pairs (output path, [sources]) for every path more than one source writes.

    `writes` is an iterable of (output path, source) pairs; paths are compared
    as Pelican writes them (leading '/' and './' do not make them differ).
    """
    sources_of = {}
    for path, source in writes:
        key = str(path).lstrip("/").removeprefix("./")
        sources_of.setdefault(key, [])
        if source not in sources_of[key]:
            sources_of[key].append(source)
    return [(path, sources) for path, sources in sources_of.items() if len(sources) > 1]
