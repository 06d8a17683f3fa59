"""Issue 14: a post in several languages links its translations (hreflang in
<head>, a visible "Also in:" line) and the sitemap lists them as alternates."""

from lxml import etree

from tests.site_model.helpers import post, run_build

SITE = "http://127.0.0.1:8000"
FILES = {
    "posts/a.md": post("A Post", Slug="a-post"),
    "posts/a-fr.md": post("Un article", Slug="a-post", Lang="fr"),
    "posts/a-ar.md": post("مقالة", Slug="a-post", Lang="ar"),
    "posts/b.md": post("Only English", date="2026-01-11 10:00"),
}
VERSIONS = {"en": f"{SITE}/2026/01/10/a-post/", "fr": f"{SITE}/fr/2026/01/10/a-post/",
            "ar": f"{SITE}/ar/2026/01/10/a-post/"}


def test_each_version_links_every_version(tmp_path):
    code, log, site = run_build(tmp_path, FILES)
    assert code == 0, log
    for url in VERSIONS.values():
        soup = site.soup(url.removeprefix(SITE))
        links = {link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")}
        assert links == VERSIONS, url
    english = site.soup("/2026/01/10/a-post/").select_one(".entry-translations")
    assert english.get_text(" ", strip=True) == "Also in: العربية , Français"
    arabic = english.select_one('a[hreflang="ar"]')
    assert (arabic["lang"], arabic["dir"]) == ("ar", "rtl")
    assert arabic["href"].endswith("ar/2026/01/10/a-post/")
    french = site.soup("/fr/2026/01/10/a-post/").select_one(".entry-translations")
    assert [link.get_text() for link in french.select("a")] == ["العربية", "English"]


def test_a_post_without_translations_has_no_alternates(tmp_path):
    code, log, site = run_build(tmp_path, FILES)
    assert code == 0, log
    soup = site.soup("/2026/01/11/only-english/")
    assert soup.select("link[hreflang]") == [] and soup.select_one(".entry-translations") is None


def test_the_sitemap_lists_the_alternates(tmp_path):
    code, log, site = run_build(tmp_path, FILES)
    assert code == 0, log
    tree = etree.fromstring(site.path("/sitemap.xml").read_bytes())
    spaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for lang, url in VERSIONS.items():
        entry = tree.xpath(f"//s:url[s:loc='{url}']", namespaces=spaces)
        assert len(entry) == 1, lang
        alternates = {link.get("hreflang"): link.get("href")
                      for link in entry[0].xpath("x:link[@rel='alternate']", namespaces=spaces)}
        assert alternates == VERSIONS
    lonely = tree.xpath(f"//s:url[s:loc='{SITE}/2026/01/11/only-english/']", namespaces=spaces)[0]
    assert lonely.xpath("x:link", namespaces=spaces) == []
