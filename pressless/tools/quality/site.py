"""The built site as the checkers see it: its files, its sample pages, a server.

Checked pages are named in a list whose entries are either URL paths
("/about/", "/404.html") or roles: a role picks a page by the class the theme
puts on <body> (WordPress's names), so the check follows the content.
"""

import functools
import gzip
import http.server
import io
import ssl
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from lxml import html

# role: the <body> classes that mark a page of that kind.
ROLE_BODY_CLASSES = {
    "post": {"single", "single-post"},
    "page": {"page"},
    "category": {"archive", "category"},
    "tag": {"archive", "tag"},
    "author": {"archive", "author"},
    "archives": {"archive"},
}
ROLES = {"front", *ROLE_BODY_CLASSES}

# Axe: a post with comments and share buttons, a page, an archive, search, 404.
DEFAULT_ACCESSIBILITY_PAGES = ["front", "post", "page", "category", "/search/", "/404.html"]
DEFAULT_LIGHTHOUSE_PAGES = ["front", "post"]
DEFAULT_WEIGHT_PAGES = [
    "front",
    "post",
    "page",
    "category",
    "tag",
    "author",
    "archives",
    "/search/",
    "/404.html",
]


def file_for(root, url_path):
    """The file a URL path is served from, or None: '/a/' → a/index.html."""
    path = url_path.split("#")[0].split("?")[0].lstrip("/")
    target = Path(root) / path
    if not path or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def url_of(root, file):
    """The URL path a file is served at: a/index.html → '/a/'."""
    relative = Path(file).relative_to(root).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def html_files(root):
    return sorted(Path(root).rglob("*.html"))


def body_classes(file):
    body = html.parse(str(file)).getroot().find("body")
    return set((body.get("class") or "").split()) if body is not None else set()


def find_role(root, role):
    """The URL path of a sample page for a role; None when the site has none.

    For "post", the one with the most to check wins: comments and share buttons.
    """
    if role == "front":
        return "/" if file_for(root, "/") else None
    wanted = ROLE_BODY_CLASSES[role]
    # Same classes, not a superset: "archive" alone is the archives page.
    candidates = [file for file in html_files(root) if body_classes(file) == wanted]
    if role == "post":
        candidates.sort(key=_richness, reverse=True)
    return url_of(root, candidates[0]) if candidates else None


def _richness(file):
    """(has share buttons, number of comments): what a post gives axe to check."""
    tree = html.parse(str(file))
    has_share = bool(tree.xpath('//*[contains(concat(" ", @class), " share")]'))
    comments = len(tree.xpath('//*[contains(@class, "comment-list")]//li'))
    return has_share, comments


def own_address(root):
    """The site's absolute address, as its front page's canonical link gives it."""
    front = file_for(root, "/")
    if front is None:
        return None
    canonical = html.parse(str(front)).xpath('//link[@rel="canonical"]/@href')
    return canonical[0].rstrip("/") if canonical and "://" in canonical[0] else None


def resolve_pages(root, entries):
    """({entry: URL path}, [missing entries]) for a list of roles and URL paths.

    A listed page the site lacks is returned as missing, for the caller to
    fail on: it must not quietly shrink the check.
    """
    resolved, missing = {}, []
    for entry in entries:
        if entry in ROLES:
            url = find_role(root, entry)
        elif entry.startswith("/"):
            url = entry if file_for(root, entry) else None
        else:
            raise ValueError(f"{entry!r} is neither a URL path nor one of {sorted(ROLES)}")
        if url is None:
            missing.append(entry)
        else:
            resolved[entry] = url
    return resolved, missing


# Compressed like any production web server does it; the page-weight budget
# is about bytes on the wire.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ico")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        requested = Path(self.translate_path(self.path))
        if requested.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the trailing slash
        file = requested / "index.html" if requested.is_dir() else requested
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and file.suffix in COMPRESSIBLE and file.is_file()):
            return super().send_head()
        body = gzip.compress(file.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _self_signed_tls(folder):
    """An SSL context with a throwaway certificate for 127.0.0.1 (openssl, valid for a day)."""
    key, cert = Path(folder) / "key.pem", Path(folder) / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


@contextmanager
def serve(root, tls=False):
    """Serve a folder on 127.0.0.1 on a free port (over https with `tls`); yields the base URL."""
    handler = functools.partial(_SiteHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls:
        with tempfile.TemporaryDirectory(prefix="check-tls-") as folder:
            server.socket = _self_signed_tls(folder).wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
