"""Hypothesis writes posts and comments with hostile and mistaken headers and bodies.

For every small site it makes, Pelican (our settings, theme and plugins) is
run as `pelican` is run, into an output folder holding the last good site:

- the build ends with status 0, or non-zero with an error line naming one of
  the files it was given; never a traceback;
- nothing is written outside the output folder (the folders above it,
  the content, are as they were);
- a build that fails leaves the last good site byte for byte as it was.

Bounded: PRESSLESS_FUZZ_EXAMPLES examples (default 30, one build of a
second or so each) from a fixed seed, so a run is repeatable; raise the
number, or set PRESSLESS_FUZZ_RANDOM=1 for new examples each run, to search further.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.blog import PREVIEW_SETTINGS, ROOT
from tests.site_model.helpers import post, write_content

EXAMPLES = int(os.environ.get("PRESSLESS_FUZZ_EXAMPLES", "30"))
REPEATABLE = os.environ.get("PRESSLESS_FUZZ_RANDOM") != "1"

# Pieces that have broken, or could break, a path, a header, a template or a link.
NASTY = [
    "../", "..", "/", "\\", " ", "%", "%2e%2e/", "?", "#", "&", "&amp;", "<b>", "</p>", "<script>x</script>",
    "{filename}", "{filename}/posts/gone.md", "{static}/x.png", "|filename|", ":", "\t", "é", "日本",
    "\u202e", "'", '"', "---", "...", "-", "_", "x" * 300, "javascript:alert(1)", "data:text/html,x", "\x07",
]
plain_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x00"), max_size=12
)
header_value = st.lists(st.one_of(st.sampled_from(NASTY), plain_text), max_size=4).map("".join)
body_text = st.lists(
    st.one_of(
        st.sampled_from(NASTY),
        plain_text,
        st.sampled_from(["\n\n", "[a link]({filename}/posts/p1.md)", "[gone]({filename}gone.md)",
                         "![img]({static}/images/none.png)", "```\ncode\n```", "\n    indented\n"]),
    ),
    max_size=8,
).map("".join)
dates = st.one_of(
    st.sampled_from(["2026-01-10 10:00", "2025-12-31", "2026-02-29", "2099-01-01 00:00", "1900-01-01"]),
    header_value,
)
POST_KEYS = ["Slug", "Tags", "Category", "Summary", "Status", "Lang", "Image", "Author", "Modified",
             "Sticky", "Comments", "Share", "Save_as", "Url", "Redirect_From", "Image_Alt"]
COMMENT_KEYS = ["Email", "URL", "Reply-To", "Status"]
file_name = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\\x00"),
    min_size=1, max_size=20,
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 200)


@st.composite
def post_file(draw, number):
    title = draw(st.one_of(st.just(f"Post {number}"), header_value))
    date = draw(st.one_of(st.just(f"2026-01-1{number} 10:00"), dates))
    fields = {"slug": f"p{number}"}
    for key in draw(st.lists(st.sampled_from(POST_KEYS), max_size=3, unique=True)):
        fields[key.lower()] = draw(header_value)
    return post(title, date=date, body=draw(body_text), **fields)


@st.composite
def comment_file(draw):
    fields = {key.replace("-", "_").lower(): draw(header_value)
              for key in draw(st.lists(st.sampled_from(COMMENT_KEYS), max_size=2, unique=True))}
    lines = [f"Author: {draw(st.one_of(st.just('Ana'), header_value))}", f"Date: {draw(dates)}"]
    lines += [f"{key.replace('_', '-').title()}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n\n" + draw(body_text) + "\n"


@st.composite
def small_site(draw):
    files = {f"posts/p{n}.md": draw(post_file(n)) for n in range(draw(st.integers(1, 3)))}
    for _ in range(draw(st.integers(0, 2))):
        folder = draw(st.sampled_from(["p0", "p1", "no-such-post"]))
        files[f"comments/{folder}/{draw(file_name)}.md"] = draw(comment_file())
    return files


def tree(folder, skip=None):
    """{relative path: sha256} of every file under folder (and each folder, as None)."""
    found = {}
    for directory, subdirs, names in os.walk(folder):
        if skip is not None:
            subdirs[:] = [d for d in subdirs if Path(directory, d) != skip]
        for name in subdirs:
            found[Path(directory, name).relative_to(folder).as_posix()] = None
        for name in names:
            path = Path(directory, name)
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def pelican(content, output):
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(PREVIEW_SETTINGS), "-o", str(output)]
    environment = {**os.environ, "COLUMNS": "1000", "NO_COLOR": "1"}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment, check=False)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def last_good_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("last-good")
    content = write_content(folder, {"posts/p0.md": post("The last good post", Slug="p0")})
    code, log = pelican(content, folder / "output")
    assert code == 0, log
    return folder / "output"


@settings(max_examples=EXAMPLES, deadline=None, derandomize=REPEATABLE, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(files=small_site())
def test_any_content_builds_or_stops_with_a_line_naming_a_file(last_good_site, files):
    with tempfile.TemporaryDirectory() as temporary:
        # Room above the site, so a path that climbs out of output/ lands where we look.
        above = Path(temporary) / "a" / "b"
        content = write_content(above / "site", files)
        output = above / "site" / "output"
        shutil.copytree(last_good_site, output)
        before = tree(Path(temporary), skip=output)
        last_good = tree(output)

        code, log = pelican(content, output)

        assert "Traceback" not in log, log
        assert tree(Path(temporary), skip=output) == before, "something was written outside output/"
        if code != 0:
            errors = [line for line in log.splitlines() if "ERROR" in line or "CRITICAL" in line]
            assert any(name in line for line in errors for name in files), log
            assert tree(output) == last_good, "a failed build changed the last good site"
