"""What a plugin hears outside a build: an entry changed in place, a content file or a template changed.

When an author saves a post (or adds one, or moves one to a new date, slug
or status), the live preview puts what the reader made of the file into the
model it already holds, in place: the entry object updated, or a new one put
into the generator's lists, and Pelican's groupings (categories, tags,
authors, dates) made again. It then sends this event with the entry as
sender and the build's generators as `generators`, once the entry's facts in
the site model (pressless.core.entries.refresh_entry_facts) are made again,
so every handler reads the same ones. Each plugin that derives
something the entry's own page shows (its facts, neighbours, share links,
comment form, comment section, related posts, the sidebar's lists) computes
it again, so the preview can render that page before it rebuilds the whole
model. What other pages show follows with that rebuild.

A plugin connects with `blinker.signal(ENTRY_REFRESHED).connect(handler)`;
the name is all this module holds, so the core stays free of signals.
"""

ENTRY_REFRESHED = "pressless.entry_refreshed"

# Sent by the live preview for a saved, added or deleted file under the
# content folder that is no post or page it knows, with the file's absolute
# path as sender and the generators as `generators`. A plugin that reads such
# files (comments) takes in the file's new state and returns the entries
# whose pages show it, or returns None when the file is none of its own.
# The preview then sends ENTRY_REFRESHED for each of those entries; a file
# nobody claims, or a handler that raises, means a whole rebuild.
CONTENT_FILE_CHANGED = "pressless.content_file_changed"

# Sent by the live preview after the theme's templates changed, when it keeps
# the model and only renders every page again (a theme change touches no
# entry), with the generators as sender. A plugin that keeps rendered HTML for
# the build (template_tags' partials rendered once) forgets it.
THEME_TEMPLATES_CHANGED = "pressless.theme_templates_changed"
