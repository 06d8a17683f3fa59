"""Links between content files ({filename}, {static}, {attach}) that lead nowhere.

Pelican replaces `{filename}other.md` with the other post's URL when it
writes a page. When the file is not there it logs "Unable to find …" without
saying which post links, and publishes the raw `{filename}/…` as the href.
We look the targets up the way Pelican does, before anything is written, so
the build can stop naming the post and the missing target.
"""

import os
from html import unescape
from urllib.parse import unquote, urlparse

# Which of the build's lookups a link kind is resolved in.
LOOKUP_OF = {"filename": "generated_content", "static": "static_content", "attach": "static_content"}


def _candidates(entry, value):
    """The content-relative paths Pelican tries for a link's value, in its order."""
    plain = urlparse(value).path
    for path in (plain, unquote(plain), urlparse(unescape(value)).path):
        if path.startswith("/"):
            yield path[1:]
        else:
            yield entry.get_relative_source_path(os.path.join(entry.relative_dir, path))


def _is_there(found):
    # Pelican makes a static file of every {static} or {attach} link it has
    # met while reading (a summary made from the text meets them), whether
    # or not the file is there; a post's own entry always is.
    source = getattr(found, "source_path", None)
    return source is None or os.path.isfile(source)


def _resolves(entry, what, value, context):
    lookups = [context.get(LOOKUP_OF[what]) or {}]
    if what == "filename":
        # Pelican also accepts {filename} for a static file (and warns).
        lookups.append(context.get("static_content") or {})
    paths = list(_candidates(entry, value))
    return any(path in lookup and _is_there(lookup[path]) for lookup in lookups for path in paths)


def missing_links(entry, context):
    """[(kind, target)] for every intrasite link of `entry` that names no file.

    `context` is the build's context after every generator has read its
    content (it holds `generated_content` and `static_content`).
    """
    pattern = entry._get_intrasite_link_regex()
    texts = [getattr(entry, "_content", "") or "", str(entry.metadata.get("summary") or "")]
    missing = []
    for text in texts:
        for match in pattern.finditer(text):
            what, value = match.group("what"), match.group("value")
            if what in LOOKUP_OF and not _resolves(entry, what, value, context):
                found = (what, value)
                if found not in missing:
                    missing.append(found)
    return missing
