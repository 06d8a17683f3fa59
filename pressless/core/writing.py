"""The one event a plugin hears in the middle of writing: every entry page is on disk.

Pelican's page generators (articles, pages, template pages) write every
post and page, and the listings and feeds; the plugin generators after them
write files of their own (comment feeds, share pages, sitemap, redirects),
never an entry page. plugins/parallel_writer sends this event in Pelican's
process once every writer process has written its share of the page
generators' files, before the plugin generators write theirs, so work that
only reads the entry pages (the search index, plugins/search) can run on a
core of its own while the rest is written.

A plugin connects with `blinker.signal(PAGES_WRITTEN).connect(handler)`;
the sender is the Pelican settings dict of the build. Without
plugins/parallel_writer the event is never sent, and such work waits for
`finalized`.
"""

PAGES_WRITTEN = "pressless.pages_written"
