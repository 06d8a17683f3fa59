"""Comments read and rendered while Pelican reads the posts.

The comment files do not depend on the posts: reading them and rendering
their bodies (Markdown, then nh3) took 1.5 s at 5,000 posts between the
reading and the writing, on one core while the other idled. Where more than
one process is allowed (COMMENTS_PROCESSES), a forked copy made at
`initialized` does it while the posts are read, and add_comments takes its
result: which comment belongs to which post, and every problem, is still
decided there, from the same files. A file changed since the copy read it
(its size or time differ) is read again there, and so is one added since:
the result may be taken late (`pelican --autoreload` after a failed first
build takes it in the next) but is never stale.
"""

from pressless.core.forked import Ahead

from .html_cache import RenderedComments
from .loader import read_post_folders


def start(comments_root, reading, cache_folder):
    """An Ahead whose result is (read_post_folders' files, {body key: HTML} rendered)."""
    return Ahead(_read_and_render, (comments_root, reading, cache_folder))


def _read_and_render(arguments):
    comments_root, reading, cache_folder = arguments
    files = read_post_folders(comments_root, **reading)
    bodies = [comment.body for _, (comments, _) in files.values() for comment in comments
              if comment.is_visible]
    return files, RenderedComments(cache_folder).render_ahead(bodies, processes=1)
