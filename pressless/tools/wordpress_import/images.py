"""Links to the old blog's uploads (wp-content/uploads), and copying the files used.

Where uploads live is learnt from the export's attachments (a self-hosted
blog's `/wp-content/uploads/`, WordPress.com's `files.wordpress.com`) and
from the blog's own address. With --uploads DIR, a file linked from a post
is copied to content/images/<the same yyyy/mm/name> and the link becomes
`{static}/images/...`; without it, or when the file is missing, the link
stays and the report lists it.
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

UPLOADS_MARK = "/wp-content/uploads/"
_DATED_FILE = re.compile(r"^(?P<prefix>.*?/)(?P<rest>\d{4}/\d{2}/[^/]+)$")


def _host_and_path(url):
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https", ""):
        return None, None
    return (parts.hostname or "").lower(), parts.path


class Uploads:
    """Recognises upload URLs and maps them to files under content/images/."""

    def __init__(self, uploads_dir=None, images_folder="images"):
        self.prefixes = set()  # (host, path prefix)
        self.uploads_dir = Path(uploads_dir).resolve() if uploads_dir else None
        self.images_folder = images_folder

    def learn_site(self, url):
        host, path = _host_and_path(url or "")
        if host:
            self.prefixes.add((host, path.rstrip("/") + UPLOADS_MARK))

    def learn_attachment(self, url):
        host, path = _host_and_path(url or "")
        if not host:
            return
        if UPLOADS_MARK in path:
            self.prefixes.add((host, path[: path.index(UPLOADS_MARK) + len(UPLOADS_MARK)]))
            return
        dated = _DATED_FILE.match(path)
        if dated:
            self.prefixes.add((host, dated["prefix"]))

    def relative_path(self, url):
        """'2020/01/a.jpg' for an upload URL, else None."""
        host, path = _host_and_path(url or "")
        if not host:
            return None
        for prefix_host, prefix in self.prefixes:
            if host == prefix_host and path.startswith(prefix):
                rest = unquote(path[len(prefix):])
                parts = PurePosixPath(rest).parts
                if parts and ".." not in parts and not rest.startswith("/"):
                    return rest
        return None

    def source_file(self, relative):
        """The file under --uploads for a relative upload path, if there is one."""
        if self.uploads_dir is None:
            return None
        candidate = (self.uploads_dir / relative).resolve()
        if candidate.is_relative_to(self.uploads_dir) and candidate.is_file():
            return candidate
        return None

    def content_path(self, relative):
        """Where the copy goes, relative to the content folder: 'images/2020/01/a.jpg'."""
        return f"{self.images_folder}/{relative}"
