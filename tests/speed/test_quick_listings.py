"""plugins/quick_listings: tag, category and author pages get the same posts, found by a set lookup.

The theme's own listing templates read `articles` only; these builds give
them templates (THEME_TEMPLATES_OVERRIDES) that print what Pelican passes:
the type of `articles` and the slugs of `dates`, which Pelican picks out of
every post by membership in that list.
"""

from bs4 import BeautifulSoup

from ..build.helpers import build, write_site

LISTING = """<!doctype html><html lang="en"><head><title>{{ page_name }}</title></head><body>
<p id="kind">{{ articles.__class__.__name__ }}</p>
<ol id="dates">{% for post in dates %}<li>{{ post.slug }}</li>{% endfor %}</ol>
<ol id="articles">{% for post in articles %}<li>{{ post.slug }}</li>{% endfor %}</ol>
</body></html>
"""
PAGES = {"tag": "tag/{}/index.html", "category": "category/{}/index.html", "author": "author/{}/index.html"}
POSTS = 12


def listing_build(tmp_path, name, extra=""):
    folder = tmp_path / name
    overrides = folder / "overrides"
    overrides.mkdir(parents=True)
    for template in PAGES:
        (overrides / f"{template}.html").write_text(LISTING, encoding="utf-8")
    settings = write_site(folder, "Listings", posts=POSTS,
                          extra_settings=f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n{extra}")
    output = folder / "output"
    returncode, log = build(settings, output)
    assert returncode == 0, log
    return output


def listing(output, kind, slug):
    soup = BeautifulSoup((output / PAGES[kind].format(slug)).read_text(encoding="utf-8"), "html.parser")
    return (soup.find(id="kind").get_text(),
            [item.get_text() for item in soup.find(id="dates").find_all("li")],
            [item.get_text() for item in soup.find(id="articles").find_all("li")])


def expected_dates(numbers):
    # write_site dates post N on 2025-0{1 + N % 9}-1{N % 10}; `dates` is newest first
    # (Pelican's NEWEST_FIRST_ARCHIVES).
    return [f"listings-post-{n}" for n in sorted(numbers, key=lambda n: (1 + n % 9, n % 10), reverse=True)]


def test_listing_pages_get_the_same_posts_with_and_without_the_plugin(tmp_path):
    quick = listing_build(tmp_path, "quick")
    plain = listing_build(tmp_path, "plain", 'PLUGINS.remove("plugins.quick_listings")')
    cases = {
        ("tag", "common"): range(POSTS),
        ("tag", "tag0"): range(0, POSTS, 3),
        ("tag", "tag2"): range(2, POSTS, 3),
        ("category", "notes"): range(0, POSTS, 2),
        ("category", "travel"): range(1, POSTS, 2),
        ("author", "test-author"): range(POSTS),
    }
    for (kind, slug), numbers in cases.items():
        quick_kind, quick_dates, quick_articles = listing(quick, kind, slug)
        plain_kind, plain_dates, plain_articles = listing(plain, kind, slug)
        assert (quick_kind, plain_kind) == ("Members", "list"), (kind, slug)
        assert quick_dates == plain_dates == expected_dates(numbers), (kind, slug)
        assert quick_articles == plain_articles, (kind, slug)
        assert sorted(quick_articles) == sorted(quick_dates), (kind, slug)
