"""The one event a plugin hears in the middle of writing: every entry page is on disk.

Entry pages are the posts and pages (their translations, hidden ones and
drafts too). plugins/parallel_writer sends this event in Pelican's process
once every writer process has written them: with several writers, each
writes its entries before its listings, archives and feeds; with one, after
all of Pelican's page generators. The plugin generators (comment feeds,
share pages, sitemap, redirects) write after that and never an entry page.
So work that only reads the entry pages (the search index, plugins/search)
can run on a core of its own while the rest is written.

A plugin connects with `blinker.signal(ENTRIES_WRITTEN).connect(handler)`;
the sender is the Pelican settings dict of the build. Without
plugins/parallel_writer the event is never sent, and such work waits for
`finalized`.
"""

ENTRIES_WRITTEN = "pressless.entries_written"
