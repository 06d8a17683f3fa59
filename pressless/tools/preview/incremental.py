"""The common edits, made quick: a post's body or headers that keep its URL changed.

Body only. When a saved post reads back with the same metadata (title, date,
tags, summary...) as before, no listing, neighbour, related post, tag cloud
or feed entry title can change: only what prints the post's content does,
which is its own page and the feeds it is in. The new HTML is put into the
post's Content object in the model everything else already points to, and
just those pages are rendered again. Nothing else needs a rebuild.

Display and filing headers. When the headers that changed only alter how
the post shows (its title, summary, image, `Comments:`, `Share:`...) or how
it is filed (its tags, category, author, `Sticky:`), and its URL stays, what
the reader made of the file is copied into the post's object in place. For a
filing edit Pelican's lists of categories, tags and authors are grouped again
from the posts (terms.py). The plugins then compute again what the post's own
page shows (pressless.core.refresh: its facts, related posts, the tag cloud
in its sidebar...), and that page is recorded and rendered: exactly what a
whole build would write. Listings, feeds, term pages and neighbours are not,
so the session rebuilds the whole model right after the refresh
("settling") before it answers a request for any other page.

Comments. A saved, added or deleted file that is no post is offered to the
plugins (pressless.core.refresh.CONTENT_FILE_CHANGED); the comments plugin
takes in a comment file and names the post it is on, whose page is then
refreshed the same way, and the model settles after.

Anything else (a new or deleted post, a new date, slug or status, a page,
whose sitemap date is its file's) goes through a whole new model first.
"""

import os
from pathlib import Path

import blinker
from pelican.contents import Article, Page
from pelican.plugins import signals

from pressless.core.refresh import CONTENT_FILE_CHANGED, ENTRY_REFRESHED

from .jobs import record_article_pages
from .model import clear_memoized_content
from .readers import MemoReaders
from .terms import regroup_terms
from .watch import is_editor_file

# Headers that move a post to another URL, another place in the archives by
# date, or decide whether it is shown at all: changing one needs the whole
# model rebuilt first.
MOVING_HEADERS = frozenset({
    "date", "slug", "status", "lang", "translation", "save_as", "url", "template", "redirect_from",
})
# Headers that file a post under terms, or lift it to the top of the front
# page: its own page can be rendered from terms grouped again.
FILING_HEADERS = frozenset({"tags", "category", "author", "authors", "sticky"})
# What Pelican's generators send around reading a post or a page.
READ_SIGNALS = {
    Article: (signals.article_generator_preread, signals.article_generator_context),
    Page: (signals.page_generator_preread, signals.page_generator_context),
}
# Attributes the generator gives a post after reading it; a fresh read has none.
GENERATOR_ATTRIBUTES = ("translations",)


def _summary_of(entry):
    return entry.get_summary(entry.get_siteurl())


def _reread(model, generation, changed_paths):
    """[(entry, headers before, headers now, fresh object)] per edited post or page; None if one is
    neither."""
    readers = MemoReaders(model.settings, model.memo)
    base = model.settings["PATH"]
    reread = []
    for changed in changed_paths:
        path = str(Path(changed).resolve())
        entry = generation.entries.get(path)
        previous = model.memo.get(path)
        kind = next((kind for kind in READ_SIGNALS if isinstance(entry, kind)), None)
        if kind is None or previous is None or not os.path.isfile(path):
            return None
        generator = generation.generator_of(kind)
        preread, context = READ_SIGNALS[kind]
        try:
            fresh = readers.read_file(
                base_path=base, path=os.path.relpath(path, base), content_class=kind,
                context=entry._context, preread_signal=preread, preread_sender=generator,
                context_signal=context, context_sender=generator,
            )
        except Exception:
            # A header Pelican cannot read: the whole rebuild runs the
            # content checks, which name the file and line.
            return None
        reread.append((entry, previous.metadata, model.memo[path].metadata, fresh))
    return reread


def quick_update(model, generation, changed_paths):
    """(pages to render, None) for a body edit, (pages, the same pages) for an in-place edit
    (the model must settle next), (None, None) when the whole model must be rebuilt first."""
    known = [path for path in changed_paths if str(Path(path).resolve()) in generation.entries]
    if known and len(known) < len(changed_paths):
        return None, None
    if not known:
        pages = file_claimed_edit(generation, changed_paths)
        if pages == []:
            return [], None  # an empty new folder: nothing shows it
        return (pages, pages) if pages else (None, None)
    reread = _reread(model, generation, changed_paths)
    if reread is None:
        return None, None
    # A page's sitemap date is its file's: any save of one changes the sitemap, which settling writes.
    saved_page = any(isinstance(entry, Page) for entry, *_ in reread)
    pages = None if saved_page else body_only_edit(generation, reread)
    if pages is not None:
        return pages, None
    pages = in_place_edit(generation, reread)
    if not pages:
        return None, None
    return pages, pages


def body_only_edit(generation, reread):
    """Update the model in place for body-only edits; return the jobs to render.

    Returns None when the change needs more than the body replaced.
    """
    for entry, before, after, fresh in reread:
        if after != before:
            return None
        if "summary" not in before and _summary_of(fresh) != _summary_of(entry):
            return None
    for entry, _, _, fresh in reread:
        entry._content = fresh._content
    clear_memoized_content()
    return generation.jobs_showing_content_of([entry for entry, *_ in reread])


def changed_headers(before, after):
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def adopt(entry, fresh):
    """Make `entry` what `fresh` was read as, keeping what the generator and plugins gave it."""
    for key in entry.metadata.keys() - fresh.metadata.keys():
        entry.__dict__.pop(key, None)
    kept = {name: entry.__dict__[name] for name in GENERATOR_ATTRIBUTES if name in entry.__dict__}
    entry.__dict__.update(fresh.__dict__)
    entry.__dict__.update(kept)


def moves(entry, before, after, fresh):
    """Whether the edit moves the post: a moving header, or a new URL (a slug made from the title)."""
    return bool(changed_headers(before, after) & MOVING_HEADERS) or (
        fresh.save_as != entry.save_as or fresh.url != entry.url)


def in_place_edit(generation, reread):
    """Update edited posts in place when no header that moves them changed; return their own pages.

    Returns None when the change needs the whole model rebuilt first. Pages
    other than the returned ones are left stale: the caller rebuilds next.
    """
    if any(moves(*edit) for edit in reread):
        return None
    entries = [entry for entry, *_ in reread]
    articles = generation.articles_generator
    filed = any(changed_headers(before, after) & FILING_HEADERS for _, before, after, _ in reread)
    if filed and not all(any(entry is listed for listed in articles.articles) for entry in entries):
        # A draft, hidden or translated post is on no term's list.
        return None
    for entry, *_, fresh in reread:
        adopt(entry, fresh)
        entry.refresh_metadata_intersite_links()
    clear_memoized_content()
    if filed:
        regroup_terms(articles)
    return refreshed_pages(generation, entries)


def file_claimed_edit(generation, changed_paths):
    """The pages of the posts that show the changed files (comments), refreshed; None if a file
    is claimed by no plugin."""
    entries = []
    for path in changed_files(changed_paths):
        try:
            answers = blinker.signal(CONTENT_FILE_CHANGED).send(path, generators=generation.generators)
        except Exception:
            return None
        claimed = [entry for _, shown_on in answers if shown_on for entry in shown_on]
        if not claimed:
            return None
        entries += [entry for entry in claimed if not any(entry is known for known in entries)]
    return refreshed_pages(generation, entries)


def changed_files(changed_paths):
    """The files among changed paths; a folder stands for the files in it (a new folder may be
    reported before its files are, a folder moved in without them)."""
    files = []
    for path in changed_paths:
        if os.path.isdir(path):
            files += [str(inner.resolve()) for inner in sorted(Path(path).rglob("*"))
                      if inner.is_file() and not is_editor_file(inner)]
        else:
            files.append(str(Path(path).resolve()))
    return list(dict.fromkeys(files))


def refreshed_pages(generation, entries):
    """Let the plugins recompute what these entries' pages show; record and return those pages."""
    try:
        for entry in entries:
            blinker.signal(ENTRY_REFRESHED).send(entry, generators=generation.generators)
    except Exception:
        # A bad value in a changed header (Comments: maybe): the whole
        # rebuild stops on it and names the file and line.
        return None
    # A page's recorded context holds the site-wide lists (terms, recent
    # comments) as they were when it was recorded.
    # (A saved page changes none of them.)
    generation.jobs.update(record_article_pages(generation.articles_generator, entries))
    wanted = {id(entry) for entry in entries}
    return [relative for relative, job in generation.jobs.items()
            if job.entry is not None and id(job.entry) in wanted and relative.endswith(".html")]
