"""plugins/hosting: _headers and _redirects written by a real build of a fixture blog."""

import os
import subprocess
import sys

import pytest

from pressless.tools.build import BuildError, run_pelican

from .fixture_site import ROOT, post_text, write_content, write_settings


def build(tmp_path, content, **settings):
    settings_file = write_settings(tmp_path, content, **settings)
    output = tmp_path / "output"
    run_pelican(settings_file, output)
    return output


@pytest.fixture
def content(tmp_path):
    content = write_content(tmp_path / "content")
    posts = content / "posts"
    # What the WordPress importer writes: the old addresses of a post.
    first = post_text("first-light").replace("Slug: first-light\n",
                                             "Slug: first-light\nRedirect_From: /?p=123, /archives/123/\n")
    (posts / "first-light.md").write_text(first)
    shed = post_text("the-shed").replace("Slug: the-shed\n", "Slug: the-shed\nRedirect_From: /?p=7&lang=en\n")
    (posts / "the-shed.md").write_text(shed)
    (content / "pages" / "about.md").write_text("Title: About\nRedirect_From: /about-me/\n\nAbout us.\n")
    return content


def lines_of(path):
    return [line for line in path.read_text().splitlines() if line and not line.startswith("#")]


def test_redirects_list_old_addresses_then_the_404_page(tmp_path, content):
    output = build(tmp_path, content)
    redirects = lines_of(output / "_redirects")
    assert sorted(redirects[:-1]) == [
        "/ p=123 /2025/03/02/first-light/ 301",
        "/ p=7 lang=en /2025/05/17/the-shed/ 301",
        "/about-me/ /about/ 301",
        "/archives/123/ /2025/03/02/first-light/ 301",
    ]
    assert redirects[-1] == "/* /404.html 404", "the catch-all comes last: the first match wins"
    # Every target is a page the build wrote.
    for line in lines_of(output / "_redirects")[:-1]:
        target = line.split()[-2]
        assert (output / target.lstrip("/") / "index.html").is_file(), target


def test_a_site_below_a_path_prefixes_every_line(tmp_path, content):
    output = build(tmp_path, content, site_url="https://www.pressless.test/blog", HOSTING_REDIRECT_STATUS=308)
    redirects = lines_of(output / "_redirects")
    assert "/blog/ p=123 /blog/2025/03/02/first-light/ 308" in redirects
    assert redirects[-1] == "/blog/* /blog/404.html 404"
    headers = lines_of(output / "_headers")
    assert headers[0] == "/blog/*" and "/blog/theme/*" in headers


def test_headers_carry_the_policy_and_what_settings_add(tmp_path, content):
    output = build(tmp_path, content)
    headers = (output / "_headers").read_text()
    assert ("  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
            "style-src 'self'; img-src 'self';") in headers
    assert "  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "gravatar" not in headers

    output = build(tmp_path, content, COMMENTS_GRAVATAR=True, COMMENTS_BACKEND="isso",
                   COMMENTS_ISSO_URL="https://comments.pressless.test/isso/",
                   HOSTING_CSP_EXTRA={"img-src": ["https://img.pressless.test"]})
    policy = next(line for line in lines_of(output / "_headers") if "Content-Security-Policy" in line)
    assert "img-src 'self' https://www.gravatar.com https://img.pressless.test;" in policy
    assert "connect-src 'self' https://comments.pressless.test;" in policy


def test_a_wrong_setting_stops_the_build_with_one_line(tmp_path, content):
    settings_file = write_settings(tmp_path, content, HOSTING_REDIRECT_STATUS=200)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings_file), "-o", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "250"},
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "hosting: HOSTING_REDIRECT_STATUS must be one of 301, 302, 307, 308" in output
    assert "Traceback" not in output
    with pytest.raises(BuildError):
        run_pelican(settings_file, tmp_path / "out")
