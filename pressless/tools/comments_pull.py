"""Pull approved comments from an isso server into comment files.

isso keys each thread by the URL path the post is read at ('/2026/03/14/slug/'),
the `thread_uri` the comment form posts with. We compute every post's path
with Pelican's own readers and the site's ARTICLE_URL, ask isso for that
thread, and write each approved comment as
content/comments/<post-slug>/isso-<isso id>.md, which the comments plugin
shows on the next build.

isso is asked for the text as the commenter typed it (`plain=1`): that is
already Markdown, so nothing is lost converting rendered HTML back. The
comments plugin sanitizes it when it renders the page.

A file that already exists is never touched: the blog's author may have
edited it, marked it spam, or moved it, and the repository is the record.
"""

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from pressless.core.comments import comment_file_text as write_comment_file
from pressless.core.header import one_line
from pressless.core.urls import url_path

FILE_ID_PREFIX = "isso-"
APPROVED_MODE = 1  # isso's modes: 1 accepted, 2 awaiting moderation, 4 deleted
ANONYMOUS = "Anonymous"


class PullError(Exception):
    """isso could not be asked, or answered something that is not a thread."""


@dataclass(frozen=True)
class IssoComment:
    id: int
    parent: int | None
    author: str
    website: str
    created: float
    text: str
    approved: bool


@dataclass
class PullReport:
    written: list = field(default_factory=list)
    already_present: list = field(default_factory=list)
    # Present with other content: kept as the blog's author left it.
    kept_local_edits: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.written)} new comment file(s), "
            f"{len(self.already_present)} already present, "
            f"{len(self.kept_local_edits)} kept with local edits"
        )


def file_id(isso_id):
    return f"{FILE_ID_PREFIX}{isso_id}"


def comments_in_thread(payload):
    """Flatten isso's `GET /?uri=` answer into IssoComments, parents first."""
    if not isinstance(payload, dict) or not isinstance(payload.get("replies"), list):
        raise PullError("isso's answer has no 'replies' list")
    found = []
    pending = list(payload["replies"])
    while pending:
        item = pending.pop(0)
        found.append(
            IssoComment(
                id=int(item["id"]),
                parent=item.get("parent"),
                author=one_line(item.get("author") or "") or ANONYMOUS,
                website=one_line(item.get("website") or ""),
                created=float(item["created"]),
                text=(item.get("text") or "").replace("\r\n", "\n").strip(),
                approved=item.get("mode") == APPROVED_MODE,
            )
        )
        pending.extend(item.get("replies") or [])
    return found


def comment_file_text(comment, reply_to=None):
    """A comment file (see plugins/comments/README.md) for one isso comment."""
    return write_comment_file(
        author=comment.author,
        date=datetime.fromtimestamp(comment.created, UTC),
        url=comment.website,
        reply_to=reply_to,
        body=comment.text,
    )


def files_for_thread(comments, existing_ids=frozenset()):
    """{file name: text} for the approved comments of one thread.

    A reply points at its parent's file id when that parent is approved in
    isso or already has a file; otherwise (a deleted parent) it stands alone.
    """
    approved = {comment.id for comment in comments if comment.approved}
    files = {}
    for comment in comments:
        if not comment.approved:
            continue
        parent = comment.parent
        has_parent = parent is not None and (
            parent in approved or file_id(parent) in existing_ids
        )
        reply_to = file_id(parent) if has_parent else None
        files[f"{file_id(comment.id)}.md"] = comment_file_text(comment, reply_to)
    return files


def write_new_files(folder, files, report):
    """Create each file that does not exist yet; never replace one."""
    for name, text in sorted(files.items()):
        path = Path(folder) / name
        if path.exists():
            same = path.read_text(encoding="utf-8") == text
            (report.already_present if same else report.kept_local_edits).append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as new_file:
            new_file.write(text)
        report.written.append(path)
    return report


def fetch_thread(isso_url, uri, timeout=15):
    """isso's JSON for one thread, with the text as typed (`plain=1`)."""
    url = f"{isso_url.rstrip('/')}/?uri={quote(uri)}&plain=1"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:  # older isso versions: a thread with no comments
            return {"replies": []}
        raise PullError(f"isso answered {error.code} for {url}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PullError(f"cannot reach isso at {isso_url}: {reason}") from None
    except json.JSONDecodeError:
        raise PullError(f"isso's answer for {url} is not JSON") from None


def _article_files(settings):
    from pelican.readers import Readers

    extensions = tuple(f".{ext}" for ext in Readers(settings).extensions)
    content = Path(settings["PATH"])
    excludes = {str(content / path) for path in settings.get("ARTICLE_EXCLUDES", [])}
    for folder in settings["ARTICLE_PATHS"]:
        for directory, subdirs, names in os.walk(content / folder):
            subdirs[:] = sorted(d for d in subdirs if str(Path(directory, d)) not in excludes)
            for name in sorted(names):
                if name.endswith(extensions):
                    yield (Path(directory) / name).relative_to(content)


def post_threads(settings):
    """{isso thread uri: post slug} for every post that has a URL.

    Posts are read with Pelican's readers, so slugs and dates (and so the
    ARTICLE_URL paths) are exactly the ones the build uses.
    """
    from pelican.contents import Article
    from pelican.readers import Readers

    readers = Readers(settings)
    threads = {}
    for relative in _article_files(settings):
        article = readers.read_file(
            base_path=settings["PATH"], path=str(relative), content_class=Article, context={}
        )
        if article.url:
            threads[url_path(settings.get("SITEURL", ""), article.url)] = article.slug
    return threads


def pull_comments(isso_url, threads, comments_root, fetch=fetch_thread):
    """Write new approved comments of every thread; return a PullReport."""
    report = PullReport()
    for uri, slug in sorted(threads.items()):
        folder = Path(comments_root) / slug
        existing = {path.stem for path in folder.glob("*.md")} if folder.is_dir() else set()
        files = files_for_thread(comments_in_thread(fetch(isso_url, uri)), existing)
        write_new_files(folder, files, report)
    return report


def pull_for_site(settings_file, content, isso_url=None):
    """`invoke comments-pull`: read the site's settings, pull into `content`."""
    from pelican.settings import read_settings

    content = Path(content).resolve()
    if not content.is_dir():
        raise PullError(f"content folder {content} does not exist")
    if not Path(settings_file).is_file():
        raise PullError(f"settings file {settings_file} does not exist")
    settings = read_settings(str(settings_file), override={"PATH": str(content)})
    isso_url = isso_url or settings.get("COMMENTS_ISSO_URL")
    if not isso_url:
        raise PullError("no isso URL: pass --isso-url or set COMMENTS_ISSO_URL")
    comments_root = content / settings.get("COMMENTS_PATH", "comments")
    return pull_comments(isso_url, post_threads(settings), comments_root)
