"""The common edit, made quick: a post's body changed and nothing else did.

When a saved post reads back with the same metadata (title, date, tags,
summary...) as before, no listing, neighbour, related post, tag cloud or
feed entry title can change: only what prints the post's content does,
which is its own page and the feeds it is in. The new HTML is put into the
post's Content object in the model everything else already points to, and
just those pages are rendered again. Anything else (a new or deleted file, a
changed header, a comment, a page, whose sitemap date is its file's) goes
through a whole new model.
"""

import os
from pathlib import Path

from pelican.contents import Article
from pelican.plugins import signals

from .model import clear_memoized_content
from .readers import MemoReaders


def _summary_of(entry):
    return entry.get_summary(entry.get_siteurl())


def body_only_edit(model, generation, changed_paths):
    """Update the model in place for body-only edits; return the jobs to render.

    Returns None when the change needs a whole new model.
    """
    readers = MemoReaders(model.settings, model.memo)
    base = model.settings["PATH"]
    updates = []
    for changed in changed_paths:
        path = str(Path(changed).resolve())
        entry = generation.entries.get(path)
        previous = model.memo.get(path)
        if not isinstance(entry, Article) or previous is None or not os.path.isfile(path):
            return None
        try:
            fresh = readers.read_file(
                base_path=base, path=os.path.relpath(path, base), content_class=Article,
                context=entry._context, preread_signal=signals.article_generator_preread,
                preread_sender=generation.articles_generator,
                context_signal=signals.article_generator_context,
                context_sender=generation.articles_generator,
            )
        except Exception:
            # A header Pelican cannot read: the whole rebuild runs the
            # content checks, which name the file and line.
            return None
        if model.memo[path].metadata != previous.metadata:
            return None
        if "summary" not in previous.metadata and _summary_of(fresh) != _summary_of(entry):
            return None
        updates.append((entry, fresh))
    for entry, fresh in updates:
        entry._content = fresh._content
    clear_memoized_content()
    return generation.jobs_showing_content_of([entry for entry, _ in updates])
