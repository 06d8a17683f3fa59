"""The build itself: the documented command line, drafts, links, hosts, inline code."""

import subprocess
import sys
from urllib.parse import unquote, urlsplit

from tests.fixtures.blog import CONTENT
from tests.fixtures.blog.metadata import POSTS, ROOT, headers

PELICAN = [sys.executable, "-m", "pelican"]


def test_pelican_command_line_from_repository_root(tmp_path):
    # Other tools drive Pelican exactly like this; it must work unchanged.
    result = subprocess.run(
        [*PELICAN, str(CONTENT), "-s", "pelicanconf.py", "-o", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "index.html").is_file()
    assert (tmp_path / "2026" / "03" / "14" / "why-we-left-wordpress" / "index.html").is_file()


def _draft_slugs():
    return [h["slug"] for h in headers(POSTS).values() if h.get("status", "").lower() == "draft"]


def test_drafts_absent_from_publish_build(published_site):
    slugs = _draft_slugs()
    assert slugs
    assert not (published_site.root / "drafts").exists()
    for file in published_site.root.rglob("*"):
        if file.suffix in {".html", ".xml"}:
            text = file.read_text(encoding="utf-8")
            for slug in slugs:
                assert slug not in text, f"draft {slug} leaks into {file}"


def test_drafts_previewable_in_preview_build(site):
    for slug in _draft_slugs():
        soup = site.soup(f"/drafts/{slug}/")
        assert soup.select_one(".entry-status").get_text(strip=True).startswith("Draft")
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def _references(soup):
    for tag in soup.find_all(["a", "link", "img", "script", "source", "form"]):
        for attribute in ("href", "src", "action"):
            value = tag.get(attribute)
            if value:
                yield tag, value
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                yield tag, candidate.split()[0]


def _internal_target(site, page_file, reference):
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page_file  # a fragment on the same page
    if parts.path.startswith("/"):
        target = site.root / unquote(parts.path).lstrip("/")
    else:
        target = (page_file.parent / unquote(parts.path)).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def _ids(site, file, cache={}):  # noqa: B006 - a per-session memo of parsed ids
    if file not in cache:
        cache[file] = {tag["id"] for tag in site.soup(site.url_of(file)).find_all(id=True)}
    return cache[file]


def test_every_internal_link_and_asset_resolves(site):
    broken = []
    checked = 0
    for file in site.html_files():
        soup = site.soup(site.url_of(file))
        for _, reference in _references(soup):
            target = _internal_target(site, file, reference)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{site.url_of(file)} -> {reference}")
                continue
            fragment = urlsplit(reference).fragment
            if fragment and target.suffix == ".html" and fragment not in _ids(site, target):
                broken.append(f"{site.url_of(file)} -> {reference} (no such id)")
    assert checked > 500
    assert not broken, "\n".join(broken)


def test_no_asset_loaded_from_another_host(site, published_site):
    # Each build may name its own host (absolute URLs in publish builds), no other.
    for built, own_host in ((site, "127.0.0.1:8000"), (published_site, "pressless.example")):
        loaded = []
        for file in built.html_files():
            soup = built.soup(built.url_of(file))
            for tag in soup.find_all(["img", "script", "iframe", "source", "video", "audio"]):
                loaded.append((file, tag.get("src", "")))
            for tag in soup.find_all("link", href=True):
                rel = set(tag.get("rel", []))
                if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
                    loaded.append((file, tag["href"]))
        assert len(loaded) > 100
        foreign = [(f, url) for f, url in loaded if urlsplit(url).netloc not in ("", own_host)]
        assert not foreign


def test_no_inline_script_or_style(site):
    for file in site.html_files():
        soup = site.soup(site.url_of(file))
        assert not soup.find("style"), file
        assert not soup.find(style=True), file
        for script in soup.find_all("script"):
            # JSON-LD is data, not code; a strict CSP allows it.
            assert script.get("src") or script.get("type") == "application/ld+json", (file, script)
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (file, tag.name, handlers)
        for link in soup.find_all(href=True):
            assert not link["href"].lower().startswith("javascript:"), (file, link)


def test_favicon(site):
    # The theme's own icons, so a blog with no content/extra/ has them too; the blog's /favicon.ico is kept.
    assert (site.root / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    icons = site.soup("/").select('link[rel~="icon"]')
    assert [icon["href"] for icon in icons] == ["./theme/img/favicon.ico", "./theme/img/icon.svg"]
    assert (site.root / "theme" / "img" / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
