"""The checkers' pure parts, on small inputs made here."""

import json

from pressless.tools.quality.feeds import check_feeds, feed_problem, is_feed
from pressless.tools.quality.html_validator import parse_messages
from pressless.tools.quality.links import check_links, classify, srcset_urls
from pressless.tools.quality.page_weight import kind_of, totals, without_images
from pressless.tools.quality.result import CheckResult, format_report
from pressless.tools.quality.site import file_for, resolve_pages, url_of


def test_srcset_urls_drop_descriptors():
    assert srcset_urls("a.jpg 1x, /img/b.jpg 640w,c.png") == ["a.jpg", "/img/b.jpg", "c.png"]


def test_classify_resolves_relative_links_against_the_page():
    assert classify("/2026/01/02/post/", "../../../../about/#team") == ("internal", "/about/", "team")
    assert classify("/a/", "https://elsewhere.example/x") == ("external", "https://elsewhere.example/x", None)
    assert classify("/a/", "mailto:me@example.com")[0] == "skip"
    # The site's own absolute address counts as inside the site.
    assert classify("/a/", "https://blog.example/b/", ("https://blog.example",)) == ("internal", "/b/", "")


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_links_need_a_file_and_fragments_need_an_id(tmp_path):
    _write(
        tmp_path / "index.html",
        '<a href="b/#here">ok</a><a href="b/#gone">no id</a>'
        '<a href="missing/">no file</a><img src="i.png" srcset="i.png 1x, j.png 2x" alt="">'
        '<a href="https://x.example/">out</a>',
    )
    _write(tmp_path / "b" / "index.html", '<h2 id="here">Here</h2>')
    _write(tmp_path / "i.png", "")
    result = check_links(tmp_path)
    assert not result.ok
    assert len(result.failures) == 3
    assert any("#gone" in failure and "no element with id" in failure for failure in result.failures)
    assert any('href="missing/"' in failure and "no such file" in failure for failure in result.failures)
    assert any('srcset="j.png"' in failure for failure in result.failures)
    assert result.data["external"] == {"https://x.example/": 1}


def test_file_and_url_mapping(tmp_path):
    _write(tmp_path / "a" / "index.html", "")
    assert file_for(tmp_path, "/a/") == tmp_path / "a" / "index.html"
    assert file_for(tmp_path, "/a") == tmp_path / "a" / "index.html"
    assert file_for(tmp_path, "/nope/") is None
    assert url_of(tmp_path, tmp_path / "a" / "index.html") == "/a/"


def test_a_listed_page_that_is_missing_is_reported(tmp_path):
    _write(tmp_path / "index.html", "<body class='home'></body>")
    found, missing = resolve_pages(tmp_path, ["front", "post", "/search/"])
    assert found == {"front": "/"}
    assert missing == ["post", "/search/"]


def test_validator_messages_name_file_and_line(tmp_path):
    report = {
        "messages": [
            {
                "type": "error",
                "url": f"file:{tmp_path.resolve()}/a/index.html",
                "lastLine": 7,
                "firstColumn": 3,
                "message": "Duplicate ID “x”.",
                "extract": '<p id="x">',
            },
            {"type": "info", "message": "not an error"},
        ]
    }
    assert parse_messages(json.dumps(report), tmp_path) == [
        'a/index.html:7:3: Duplicate ID “x”.\n    near: <p id="x">'
    ]
    assert "not JSON" in parse_messages("Error: no jar", tmp_path)[0]


def test_feeds_are_told_from_sitemaps_and_broken_ones_fail(tmp_path):
    _write(
        tmp_path / "sitemap.xml",
        '<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>https://x.example/</loc></url></urlset>',
    )
    _write(
        tmp_path / "feed" / "atom.xml",
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><entry><title>a & b</title></entry></feed>",
    )
    assert not is_feed(tmp_path / "sitemap.xml")
    assert is_feed(tmp_path / "feed" / "atom.xml")
    assert "not well-formed" in feed_problem(tmp_path / "feed" / "atom.xml")
    result = check_feeds(tmp_path)
    assert result.failures and result.failures[0].startswith("feed/atom.xml: ")


def test_page_weight_totals_by_kind():
    requests = [
        {"kind": "html", "transferred": 4000, "decoded": 12000},
        {"kind": "css", "transferred": 3000, "decoded": 9000},
        {"kind": "images", "transferred": 50000, "decoded": 50000},
    ]
    table = totals(requests)
    assert table["all"] == {"requests": 3, "transferred": 57000, "decoded": 71000}
    assert table["fonts"]["requests"] == 0
    assert without_images(table) == 7000


def test_report_says_which_checks_failed():
    report = format_report([CheckResult("A", "fine"), CheckResult("B", "bad", failures=["x"])])
    assert "PASS  A: fine" in report
    assert "FAIL  B: bad" in report
    assert "1 of 2 checks failed: B" in report


def test_requests_are_sorted_into_kinds():
    assert kind_of("document") == "html"
    assert kind_of("stylesheet") == "css"
    assert kind_of("script") == "js"
    assert kind_of("font") == "fonts"
    # Chromium files the favicon under "other".
    assert kind_of("other", "http://127.0.0.1:1/theme/img/icon.svg?v=1") == "images"
    assert kind_of("fetch", "http://127.0.0.1:1/pagefind/pagefind-entry.json") == "other"
