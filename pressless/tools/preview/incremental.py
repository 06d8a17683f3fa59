"""Saved content, made quick: the edited post's page first, the rest of the site after.

Body only. When a saved post reads back with the same metadata (title, date,
tags, summary...) as before, no listing, neighbour, related post, tag cloud
or feed entry title can change: only what prints the post's content does,
which is its own page and the feeds it is in. The new HTML is put into the
post's Content object in the model everything else already points to, and
just those pages are rendered again. Nothing else needs a rebuild.

Headers, URL kept. When the headers that changed only alter how the post
shows (its title, summary, image, `Comments:`, `Share:`...) or how it is
filed (its tags, category, author, `Sticky:`), what the reader made of the
file is copied into the post's object in place; for a filing edit Pelican's
lists of categories, tags and authors are grouped again (lists.py). The
plugins then compute again what the post's own page shows
(pressless.core.refresh: its facts, neighbours, related posts, the sidebar's
lists...), and that page is recorded and rendered: exactly what a whole
build would write. Listings, feeds, term pages and neighbours are not, so
the session rebuilds the whole model right after the refresh ("settling")
before it answers a request for any other page. A saved page goes the same
way (the sitemap dates it by its file).

Posts added, moved or deleted. A new post, one whose date, slug or status
changed (its URL moves), a draft filed anew (on no term's list), or a
deleted one is taken out of and put into the generator's lists, which are
grouped again; the post's page is refreshed
and rendered the same way, the old page's file removed, and the model
settles after.

Comments. A saved, added or deleted file that is no post is offered to the
plugins (pressless.core.refresh.CONTENT_FILE_CHANGED); the comments plugin
takes in a comment file and names the post it is on, whose page is then
refreshed the same way, and the model settles after.

Anything else (a new or deleted page, a translation, a post dated in the
future, two files at once that are not all posts...) goes through a whole
new model first.
"""

import os
from datetime import datetime
from pathlib import Path

import blinker
from pelican.contents import Article, Page
from pelican.plugins import signals

from pressless.core.entries import refresh_entry_facts, regroup_entry_sets
from pressless.core.refresh import CONTENT_FILE_CHANGED, ENTRY_REFRESHED

from .jobs import record_article_pages
from .lists import STATUS_LISTS, list_holding, put_in, regroup, regroup_terms, take_out
from .model import clear_memoized_content
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


def _read(model, generation, path, kind, context):
    """What Pelican's generator of `kind` reads `path` as now; None if it cannot read it."""
    base = model.settings["PATH"]
    generator = generation.generator_of(kind)
    preread, context_signal = READ_SIGNALS[kind]
    try:
        # The generator's own readers (MemoReaders): a new Readers object would
        # have the plugins set up their readers again (the reader cache would
        # look at every file).
        return generator.readers.read_file(
            base_path=base, path=os.path.relpath(path, base), content_class=kind,
            context=context, preread_signal=preread, preread_sender=generator,
            context_signal=context_signal, context_sender=generator,
        )
    except Exception:
        # A header Pelican cannot read: the whole rebuild runs the
        # content checks, which name the file and line.
        return None


def _reread(model, generation, changed_paths):
    """[(entry, headers before, headers now, fresh object)] per edited post or page; None if one is
    neither."""
    reread = []
    for changed in changed_paths:
        path = str(Path(changed).resolve())
        entry = generation.entries.get(path)
        previous = model.memo.get(path)
        kind = next((kind for kind in READ_SIGNALS if isinstance(entry, kind)), None)
        if kind is None or previous is None or not os.path.isfile(path):
            return None
        fresh = _read(model, generation, path, kind, entry._context)
        if fresh is None:
            return None
        reread.append((entry, previous.metadata, model.memo[path].metadata, fresh))
    return reread


def quick_update(model, generation, changed_paths):
    """(pages to render, None) for a body edit; (pages, the same pages) when the model must settle
    next (an in-place edit, or a post added, moved or deleted: then maybe no pages); (None, None)
    when the whole model must be rebuilt first."""
    resolved = [str(Path(path).resolve()) for path in changed_paths]
    known = [path for path in resolved if path in generation.entries]
    if known and len(known) < len(resolved):
        return None, None
    if not known:
        pages = file_claimed_edit(generation, resolved)
        if pages == []:
            return [], None  # an empty new folder: nothing shows it
        return (pages, pages) if pages else entry_set_edit(model, generation, resolved)
    if not all(os.path.isfile(path) for path in resolved):
        return entry_set_edit(model, generation, resolved)
    reread = _reread(model, generation, resolved)
    if reread is None:
        return None, None
    # A page's sitemap date is its file's: any save of one changes the sitemap, which settling writes.
    saved_page = any(isinstance(entry, Page) for entry, *_ in reread)
    pages = None if saved_page else body_only_edit(generation, reread)
    if pages is not None:
        return pages, None
    if any(moves(*edit) for edit in reread) or filed_off_the_lists(generation, reread):
        # A draft filed anew is on no term's list: its object is replaced, as a moved post's is.
        return entry_set_edit(model, generation, resolved)
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
    """Update edited posts in place; return their own pages.

    For edits that move no post and file none that is off the term lists
    (quick_update sends those to entry_set_edit). Returns None when the
    change needs the whole model rebuilt first. Pages other than the
    returned ones are left stale: the caller rebuilds next.
    """
    entries = [entry for entry, *_ in reread]
    articles = generation.articles_generator
    filed = any(changed_headers(before, after) & FILING_HEADERS for _, before, after, _ in reread)
    for entry, *_, fresh in reread:
        adopt(entry, fresh)
        entry.refresh_metadata_intersite_links()
    clear_memoized_content()
    if filed:
        regroup_terms(articles)
    return refreshed_pages(generation, entries)


def filed_off_the_lists(generation, reread):
    """Whether a post filed anew is on no term's list (a draft, hidden or translated post)."""
    listed = generation.articles_generator.articles
    return any(
        changed_headers(before, after) & FILING_HEADERS and not any(entry is post for post in listed)
        for entry, before, after, _ in reread
    )


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


def entry_set_edit(model, generation, changed_paths):
    """A post added, moved (a new date, slug or status) or deleted, one file at a time: the
    generator's lists changed in place and grouped again, the post's own page recorded and
    returned to render; the old page's file is removed. (None, None) when the change is more
    than that (a page, a translation, a post dated in the future, a clash of URLs)."""
    if len(changed_paths) != 1:
        return None, None
    path = changed_paths[0]
    articles = generation.articles_generator
    old = generation.entries.get(path)
    if old is not None and (not isinstance(old, Article) or list_holding(articles, old) is None):
        return None, None
    fresh = None
    if os.path.isfile(path):
        relative = os.path.relpath(path, model.settings["PATH"])
        if old is None and relative not in articles.get_files(
                model.settings["ARTICLE_PATHS"], exclude=model.settings["ARTICLE_EXCLUDES"]):
            return None, None
        fresh = _read(model, generation, path, Article, articles.context)
        if fresh is None or not fits_in(fresh, old, generation, model.settings):
            return None, None
    elif old is None:
        return None, None
    if old is not None:
        take_out(articles, old)
        del generation.entries[path]
        for relative in [relative for relative, job in generation.jobs.items() if job.entry is old]:
            del generation.jobs[relative]
            (model.output / relative).unlink(missing_ok=True)
    if fresh is not None:
        put_in(articles, fresh)
        generation.entries[path] = fresh
    clear_memoized_content()
    regroup(articles)
    regroup_entry_sets(generation.generators)
    if fresh is None:
        return [], []
    pages = refreshed_pages(generation, [fresh])
    return (pages, pages) if pages else (None, None)


def fits_in(fresh, old, generation, settings):
    """Whether a new or moved post can join the model as it is: a valid post, no translation,
    not held back for a later date, and no other entry with its slug or output file."""
    if not fresh.is_valid() or fresh.status not in STATUS_LISTS:
        return False
    if "translation" in fresh.metadata or fresh.lang != settings["DEFAULT_LANG"]:
        return False
    if fresh.date > datetime.now(fresh.date.tzinfo):
        return False  # scheduled_posts decides about future posts
    if any(other.slug == fresh.slug for other in generation.entries.values() if other is not old):
        return False
    # Every entry's page is a job: a job at the new path is another entry's page, or a listing's.
    job = generation.jobs.get(fresh.save_as)
    return job is None or job.entry is old


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
            # Its facts first, once: every handler reads them from the model.
            refresh_entry_facts(generation.generators, entry)
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
