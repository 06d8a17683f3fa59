"""The one event a plugin hears outside a build: an entry changed in place.

When an author saves a post and its URL stays (its title, summary, image,
`Comments:`, `Share:`, tags, category, author or `Sticky:` changed; not its
date, slug or status), the live preview copies what the reader made of the
file into the entry object the site model already holds, groups Pelican's
category, tag and author lists again, then sends this event with the entry
as sender and the build's generators as `generators`. Each plugin that
derives something the entry's own page shows (its facts, share links,
comment form, comment section, related posts, the tag cloud)
computes it again, so the preview can render that page before it rebuilds
the whole model. What other pages show follows with that rebuild.

A plugin connects with `blinker.signal(ENTRY_REFRESHED).connect(handler)`;
the name is all this module holds, so the core stays free of signals.
"""

ENTRY_REFRESHED = "pressless.entry_refreshed"
