"""Read one Markdown file the way Pelican would, Typogrify included.

`read_entry` returns a cache entry (see store.py); `metadata_from` turns an
entry back into the metadata Pelican's reader returns, with title and
summary already typogrified.
"""

import smartypants
from pelican.readers import METADATA_PROCESSORS

from pressless.core import typography
from pressless.core.dates import header_date

# What a cache entry keeps of the reader's metadata as it was processed (and typogrified).
KEPT_FIELDS = ("title", "summary")
DASHES = {
    "oldschool": smartypants.Attr.set2,
    "oldschool_inverted": smartypants.Attr.set3,
}


def typogrifier(settings):
    """The text -> text function Pelican applies when TYPOGRIFY is on, or None."""
    if not settings.get("TYPOGRIFY"):
        return None
    # As Pelican chooses them; &quot; entities become quotes too.
    attr = DASHES.get(settings.get("TYPOGRIFY_DASHES"), smartypants.Attr.set1) | smartypants.Attr.w
    # Pelican sets smartypants' module-wide default so before each file; a
    # template's own |typogrify filter then curls the same way.
    smartypants.Attr.default = attr
    return typography.typogrifier(
        settings.get("TYPOGRIFY_IGNORE_TAGS", []), settings.get("TYPOGRIFY_OMIT_FILTERS", []), attr
    )


def read_entry(reader, path, settings, read=None):
    """Read `path` with Pelican's `reader`, noting each raw header value.

    `read` is the reader's own read method when `reader` overrides it.
    """
    raw = []
    process = reader.process_metadata

    def noting(name, value):
        raw.append([name, value])
        # Of this reading's metadata only title and summary are kept; the rest
        # is processed from `raw` by metadata_from (dates parsed, tags and
        # authors made), once, in the process that builds the site.
        return process(name, value) if name in KEPT_FIELDS else value

    reader.process_metadata = noting
    try:
        content, metadata = (read or reader.read)(path)
    finally:
        reader.process_metadata = process
    content, metadata = typogrified(content, metadata, settings)
    title, summary = (metadata.get(name) for name in KEPT_FIELDS)
    return {"content": content, "raw": raw, "title": title, "summary": summary}


def typogrified(content, metadata, settings):
    """Content, and title and summary in metadata, as Pelican typogrifies them."""
    apply = typogrifier(settings)
    if not apply:
        return content, metadata
    metadata = dict(metadata)
    for name in ("title", "summary"):
        if isinstance(metadata.get(name), str):
            metadata[name] = apply(metadata[name])
    return (apply(content) if content else content), metadata


# Pelican's own processors of the two date headers, and the same without
# dateutil for the usual form (pressless.core.dates); used only while a
# plugin has not put processors of its own in their place.
PELICAN_DATES = {"date": METADATA_PROCESSORS["date"], "modified": METADATA_PROCESSORS["modified"]}
QUICK_DATES = {"date": lambda value: header_date(value.replace("_", " ")), "modified": header_date}


def metadata_from(entry, reader):
    metadata = {name: _processed(reader, name, value) for name, value in entry["raw"]}
    for name in KEPT_FIELDS:
        if name in metadata:
            metadata[name] = entry[name]
    return metadata


def _processed(reader, name, value):
    if name in QUICK_DATES and METADATA_PROCESSORS.get(name) is PELICAN_DATES[name]:
        return QUICK_DATES[name](value)
    return reader.process_metadata(name, value)
