"""The core of Pressless: pure code that plugins and tools share.

Nothing here connects to a Pelican signal or keeps state between calls.
Plugins (plugins/) are thin glue that call these functions from signal
handlers; tools (pressless/tools/) call them from tasks. Neither imports
the other.

- errors: the one error an author fixes, and how it is shown.
- header: the `Key: value` header of posts, pages and comment files.
- text: plain text out of typogrified HTML; one-line values.
- urls: absolute, canonical and image URLs, and URL paths.
- images: an image's pixel size, read from its header only.
- flags: per-post yes/no and choice values, read the same way everywhere.
- config: the shape of a plugin's settings check.
- entries: which entries a build has, and the public facts of each.
- comments: the comment record, its file format, and threading.
"""
