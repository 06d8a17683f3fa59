"""Comments read and rendered while Pelican reads the posts.

The comment files do not depend on the posts: reading them and rendering
their bodies (Markdown, then nh3) took 1.5 s at 5,000 posts between the
reading and the writing, on one core while the other idled. Where more than
one process is allowed (COMMENTS_PROCESSES), a forked copy made at
`initialized` does it while the posts are read, and add_comments takes its
result: which comment belongs to which post, and every problem, is still
decided there, from the same files. The copy also makes each shown
comment's face (its author's name as plain text, the avatar, the date and
time in the site's language: 0.3 s at 5,000 posts), which depends on the
comment record alone. A file changed since the copy read it (its size or
time differ) is read again there, and so is one added since; a record that
differs in any field gets its face made there. A build that fails before
taking the result leaves the copy waiting: the next build (`pelican
--autoreload`) stops it and starts its own.
"""

from pressless.core.forked import Ahead

from .html_cache import RenderedComments
from .loader import read_post_folders
from .model import comment_face


def start(comments_root, reading, cache_folder, config):
    """An Ahead whose result is (read_post_folders' files, {body key: HTML} rendered,
    {comment record: its CommentFace})."""
    return Ahead(_read_and_render, (comments_root, reading, cache_folder, config))


def _read_and_render(arguments):
    comments_root, reading, cache_folder, config = arguments
    files = read_post_folders(comments_root, **reading)
    visible = [comment for _, (comments, _) in files.values() for comment in comments if comment.is_visible]
    rendered = RenderedComments(cache_folder).render_ahead([comment.body for comment in visible], processes=1)
    return files, rendered, {comment: comment_face(comment, config) for comment in visible}
