"""The published site served by Caddy with docs/hosting.md's block: pages, 404, headers."""

import pytest
from bs4 import BeautifulSoup

from pressless.tools.publish.run import publish

from .fixture_site import write_content, write_settings
from .servers import Caddy, free_port
from .test_nginx_and_csp import HOST, POST, fetch, headers_file_rules


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("caddy-blog")
    port = free_port()
    site_url = f"http://{HOST}:{port}"
    content = write_content(folder / "content")
    settings = write_settings(folder, content, site_url=site_url)
    publish(settings, folder / "public", target=f"file://{folder / 'srv'}", log=print)
    with Caddy(folder, HOST, folder / "srv" / "current", port).run():
        yield site_url, folder / "srv" / "current"


def test_caddy_sends_what_headers_file_says(served):
    site_url, site = served
    rules = headers_file_rules(site)
    status, headers, body = fetch(site_url, POST)
    assert status == 200 and "Winter" in BeautifulSoup(body, "lxml").h1.get_text()
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert headers[name] == rules["/*"][name], name
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert fetch(site_url, "/theme/css/style.css")[1]["Cache-Control"] == rules["/theme/*"]["Cache-Control"]
    fragment = next((site / "pagefind" / "fragment").iterdir()).name
    _, fragment_headers, _ = fetch(site_url, f"/pagefind/fragment/{fragment}")
    assert fragment_headers["Cache-Control"] == rules["/pagefind/fragment/*"]["Cache-Control"]
    assert fragment_headers.get_all("Cache-Control") == [fragment_headers["Cache-Control"]], "one value"

    status, headers, body = fetch(site_url, "/2019/no-such-post/")
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    assert headers["Content-Security-Policy"] == rules["/*"]["Content-Security-Policy"]
    assert fetch(site_url, "/_redirects")[0] == 404
