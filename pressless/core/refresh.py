"""The one event a plugin hears outside a build: an entry changed in place.

When an author saves a post and only its display headers changed (its
title, summary, image, `Comments:` or `Share:`; not its date, slug, status,
tags, category or author, which move it between listings), the live preview
copies what the reader made of the file into the entry object the site model
already holds, then sends this event with the entry as sender and the
build's generators as `generators`. Each plugin that derives something from
one entry (its facts, share links, comment form, comment section) computes
it again for that entry alone, so the preview can render the post's page
before it rebuilds the whole model.

A plugin connects with `blinker.signal(ENTRY_REFRESHED).connect(handler)`;
the name is all this module holds, so the core stays free of signals.
"""

ENTRY_REFRESHED = "pressless.entry_refreshed"
