"""The share row and link previews in real builds of the example site."""

import functools
import subprocess
import sys
from urllib.parse import urlsplit

from pelican.settings import read_settings

from plugins.share_buttons.networks import NETWORKS
from plugins.share_buttons.settings import DEFAULTS as SHARE_DEFAULTS
from pressless.core.entries import DEFAULTS as SITE_DEFAULTS
from pressless.core.images import image_size
from tests.fixtures.blog import CONTENT, PREVIEW_SETTINGS, PUBLISH_SETTINGS
from tests.fixtures.blog.metadata import POSTS, headers, published_posts, split_list

from .conftest import ALL_NETWORKS, ALL_NETWORKS_SETTINGS, ROOT, extra_settings
from .decoding import decode

# The settings in effect: the plugins' documented defaults, then the test blog's own.
PRESSLESS_SETTINGS = {**SHARE_DEFAULTS, **SITE_DEFAULTS, **read_settings(str(PREVIEW_SETTINGS))}
TITLE_FEATURES = {
    "non-ASCII letter": lambda t: any(c.isalpha() and not c.isascii() for c in t),
    "curly quote": lambda t: any(c in "‘’“”" for c in t),
    "ampersand": lambda t: "&" in t,
    "question mark": lambda t: "?" in t,
    "emoji": lambda t: any(ord(c) > 0x1F000 for c in t),
}


@functools.cache
def post_url_paths(site):
    """{source stem: URL path} of the example posts a build holds, via their permalinks.

    A future-dated post is missing from the publish build, so a post may be absent.
    """
    paths = {}
    for file in site.html_files():
        soup = site.soup(site.url_of(file))
        canonical = soup.find("link", rel="canonical")
        if canonical and "single-post" in (soup.body.get("class") or []):
            paths[canonical["href"]] = site.url_of(file)
    by_slug = {}
    for stem, header in published_posts().items():
        matches = [path for url, path in paths.items() if url.endswith(f"/{header['slug']}/")]
        assert len(matches) <= 1, stem
        if matches:
            by_slug[stem] = matches[0]
    return by_slug


def shared_posts():
    return {stem: h for stem, h in published_posts().items() if h.get("share") != "off"}


def text_of(tag):
    return " ".join(tag.get_text().split())


def share_controls(soup):
    return soup.select(".share-buttons [data-share]")


def network_of(control):
    (name,) = [c.removeprefix("share-") for c in control["class"] if c.startswith("share-")
               and c.removeprefix("share-") in NETWORKS]
    return name


def check_links_decode(site, url_path, *, expected_host):
    soup = site.soup(url_path)
    canonical = soup.find("link", rel="canonical")["href"]
    assert urlsplit(canonical).netloc == expected_host
    title = text_of(soup.select_one("h1.entry-title"))
    decoded = 0
    for control in share_controls(soup):
        name = network_of(control)
        if NETWORKS[name].kind in ("link", "email"):
            post_url, post_title = decode(name, control["href"])
            assert post_url == canonical, (url_path, name)
            assert post_title in (None, title), (url_path, name)
            decoded += 1
        elif name == "mastodon":
            assert control["data-share-text"] == f"{title} {canonical}"
        elif name == "copy-link":
            assert control["href"] == canonical
    return title, decoded


def test_example_titles_cover_the_tricky_characters():
    titles = [h["title"] for h in shared_posts().values()]
    for feature, present in TITLE_FEATURES.items():
        assert any(present(t) for t in titles), f"no example post title has a {feature}"


def test_share_urls_decode_to_each_posts_url_and_title(site, all_networks_site):
    for built in (site, all_networks_site):
        paths = post_url_paths(built)
        for stem in shared_posts():
            title, decoded = check_links_decode(built, paths[stem], expected_host="127.0.0.1:8000")
            assert decoded >= 5
            assert title == " ".join(published_posts()[stem]["title"].split())


def test_publish_build_shares_absolute_public_urls(published_site):
    public_host = urlsplit(read_settings(str(PUBLISH_SETTINGS))["SITEURL"]).netloc
    paths = post_url_paths(published_site)
    assert len(set(paths) & set(shared_posts())) >= 10
    for stem in set(paths) & set(shared_posts()):
        check_links_decode(published_site, paths[stem], expected_host=public_host)


def test_order_follows_the_setting(site, all_networks_site):
    paths = post_url_paths(site)
    default_order = PRESSLESS_SETTINGS["SHARE_BUTTONS"]
    for stem in shared_posts():
        soup = site.soup(paths[stem])
        assert [network_of(c) for c in share_controls(soup)] == default_order
        soup = all_networks_site.soup(paths[stem])
        names = [network_of(c) for c in share_controls(soup)]
        with_image = "image" in published_posts()[stem]
        assert names == [n for n in ALL_NETWORKS if with_image or n != "pinterest"]


def test_label_setting_and_x_handle(site, all_networks_site):
    path = post_url_paths(site)[next(iter(shared_posts()))]
    label = text_of(site.soup(path).select_one(".share-buttons-title"))
    assert label == PRESSLESS_SETTINGS["SHARE_BUTTONS_LABEL"]
    soup = all_networks_site.soup(path)
    assert text_of(soup.select_one(".share-buttons-title")) == "Pass it on:"
    x_link = soup.select_one(".share-x")["href"]
    assert "via=pressless" in x_link.split("?")[1].split("&")


def test_share_off_hides_the_row(site, all_networks_site):
    off = {stem for stem, h in published_posts().items() if h.get("share") == "off"}
    assert len(off) == 1
    for built in (site, all_networks_site):
        paths = post_url_paths(built)
        for stem in published_posts():
            soup = built.soup(paths[stem])
            has_row = soup.select_one(".share-buttons") is not None
            assert has_row == (stem not in off), stem


def test_drafts_have_no_share_row(site):
    drafts = [h["slug"] for h in headers(POSTS).values() if h.get("status") == "draft"]
    assert drafts
    for slug in drafts:
        soup = site.soup(f"/drafts/{slug}/")
        assert soup.select_one(".share-buttons") is None
        assert soup.find("meta", property="og:title")


def test_pages_share_only_when_asked(site, all_networks_site):
    for page in ("/about/", "/colophon/"):
        assert site.soup(page).select_one(".share-buttons") is None
        soup = all_networks_site.soup(page)
        check_links_decode(all_networks_site, page, expected_host="127.0.0.1:8000")
        assert soup.find("meta", property="og:type")["content"] == "website"


def test_share_row_accessible_and_self_contained(all_networks_site):
    path = post_url_paths(all_networks_site)[next(iter(shared_posts()))]
    soup = all_networks_site.soup(path)
    row = soup.select_one(".share-buttons")
    assert row.find(["img", "iframe", "script", "link", "style"]) is None
    assert row.select("svg path[d]") and not row.select("[style]")
    for control in share_controls(soup):
        assert control.get("aria-label"), control
        assert control.select_one(".share-button-label").get_text(strip=True)
        kind = control["data-share"]
        if kind == "link":
            assert control["target"] == "_blank"
            assert set(control["rel"]) == {"noopener", "noreferrer"}
            assert control["aria-label"].endswith(", opens in a new window")
        else:
            assert not control.has_attr("target"), control
        if control.name == "button":
            assert control.has_attr("hidden") and kind in ("print", "native")
    script = soup.find("script", src=lambda src: src and src.endswith("site.js"))
    assert script.has_attr("defer") and not urlsplit(script["src"]).netloc


def test_mastodon_link_leads_to_a_help_section_on_its_own_page(all_networks_site):
    paths = post_url_paths(all_networks_site)
    for stem in shared_posts():
        soup = all_networks_site.soup(paths[stem])
        link = soup.select_one(".share-buttons a.share-mastodon")
        assert link["href"].startswith("#"), stem
        (section,) = soup.select(link["href"])
        assert section.find_parent(class_="share-buttons") is not None
        assert "share-help" in section["class"] and section["tabindex"] == "-1"
        assert text_of(section.find(id=section["aria-labelledby"])) == "Share on Mastodon"
        text = section.select_one("textarea#share-help-text")
        assert text.has_attr("readonly") and text.get_text() == link["data-share-text"]
        assert section.find("label", attrs={"for": "share-help-text"})
        # Its way out leads back to the row, which hides it again.
        close = section.select_one("a.share-help-close")
        assert soup.select_one(close["href"]) is soup.select_one(".share-buttons-title")
    # The help is part of each post: no page of its own, nothing for the sitemap.
    assert not (all_networks_site.root / "share").exists()
    assert "/share/" not in (all_networks_site.root / "sitemap.xml").read_text()


def test_link_previews(site):
    paths = post_url_paths(site)
    default_image = site.root / PRESSLESS_SETTINGS["DEFAULT_IMAGE"].format(THEME_STATIC_DIR="theme")
    assert image_size(default_image) == (1200, 630)
    assert default_image.stat().st_size < 20_000
    for stem, header in published_posts().items():
        soup = site.soup(paths[stem])

        def meta(prop, soup=soup):
            return [tag["content"] for tag in soup.find_all("meta", property=prop)]

        canonical = soup.find_all("link", rel="canonical")
        assert len(canonical) == 1
        assert meta("og:url") == [canonical[0]["href"]]
        assert meta("og:type") == ["article"]
        assert meta("og:title") == [text_of(soup.select_one("h1.entry-title"))]
        assert meta("og:description") == [" ".join(header["summary"].split())]
        assert meta("og:site_name") == [PRESSLESS_SETTINGS["SITENAME"]]
        (image,) = meta("og:image")
        assert urlsplit(image).scheme == "http" and meta("og:image:alt")[0]
        local_image = site.root / urlsplit(image).path.lstrip("/")
        if "image" in header:
            assert urlsplit(image).path == "/" + header["image"]
        else:
            assert local_image == default_image
        assert local_image.is_file()
        assert meta("og:image:width") == [str(image_size(local_image)[0])]
        assert set(meta("article:tag")) == set(split_list(header["tags"]))
        published = meta("article:published_time")[0]
        assert published.startswith(header["date"].replace(" ", "T"))
        modified = header.get("modified", header["date"]).replace(" ", "T")
        assert meta("article:modified_time")[0].startswith(modified)
        card = soup.find_all("meta", attrs={"name": "twitter:card"})
        assert [tag["content"] for tag in card] == ["summary_large_image"]


def test_misspelt_network_stops_the_build(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(CONTENT), "-s", "pelicanconf.py", "-o", str(tmp_path),
         *extra_settings({"SHARE_BUTTONS": ["x", "mastdon", "email"]})],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "'mastdon'" in output
    for name in NETWORKS:
        assert name in output
    assert "Traceback" not in output
    assert not (tmp_path / "index.html").exists()


def test_settings_block_is_documented():
    readme = (ROOT / "plugins" / "share_buttons" / "README.md").read_text()
    names = {key for key in PRESSLESS_SETTINGS if key.startswith("SHARE_BUTTONS")}
    names |= set(ALL_NETWORKS_SETTINGS)
    from plugins.share_buttons.settings import DEFAULTS
    for name in names | set(DEFAULTS):
        assert f"`{name}`" in readme, name
    for network in NETWORKS:
        assert f"`{network}`" in readme, network
