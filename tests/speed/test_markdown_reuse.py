"""The reader cache's Markdown reader keeps its Markdown instances from file to file.

Nothing of one file may show in the next: abbreviations, link references,
footnotes, heading ids, header fields. Each file read after others must come
out exactly as Pelican's own reader makes it with a fresh instance.
"""

import copy

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from plugins.reader_cache.markdown_reuse import ReusingMarkdownReader, reusable

from ..build.helpers import ROOT

# Everything a document can define for itself, with a Summary and Tags.
DEFINES = """Title: Defines things
Date: 2026-01-10 10:00
Tags: alpha, beta
Summary: A summary with *HTML* and [the guide][ref].
Lang: de

# Intro

The HTML spec[^1] and the [guide][ref] and ABBR.

!!! note "Careful"
    An admonition.

Term
:   Its definition.

| Left | Right |
|:-----|------:|
| a    | b     |

*[HTML]: Hyper Text Markup Language
*[ABBR]: An abbreviation
[ref]: https://example.org/guide "The guide"
[^1]: The first note.

## Intro
"""

# Uses the same names without defining them, and has no Tags, Summary or Lang.
USES = """Title: Uses the names
Date: 2026-01-11 10:00

# Intro

The HTML spec[^1] and the [guide][ref] and ABBR.

## Intro

[^2]: An unreferenced note.
"""


@pytest.fixture
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, text in (("defines", DEFINES), ("uses", USES)):
        paths[name] = tmp_path / f"{name}.md"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def fresh(settings, path):
    return MarkdownReader(copy.deepcopy(settings)).read(str(path))


@pytest.mark.parametrize("order", [("defines", "uses", "defines", "uses"), ("uses", "defines", "uses")])
def test_each_file_reads_as_with_a_new_instance(settings, files, order):
    reader = ReusingMarkdownReader(copy.deepcopy(settings))
    for name in order:
        assert reader.read(str(files[name])) == fresh(settings, files[name]), name
    # The instances really were kept (the test would prove nothing otherwise).
    assert reader._fields is not None
    body = reader._body
    reader.read(str(files["uses"]))
    assert reader._body is body


def test_the_fixture_defines_what_could_leak(settings, files):
    content, metadata = fresh(settings, files["defines"])
    assert '<abbr title="Hyper Text Markup Language">HTML</abbr>' in content
    assert 'href="https://example.org/guide"' in content
    assert 'id="fn:1"' in content and 'id="intro_1"' in content
    # Pelican converts the Summary after reset(): the body's references are gone.
    assert metadata["summary"] == "<p>A summary with <em>HTML</em> and [the guide][ref].</p>"
    used, used_metadata = fresh(settings, files["uses"])
    assert "<abbr" not in used and "example.org" not in used
    assert "summary" not in used_metadata and "tags" not in used_metadata


def test_unknown_extensions_get_a_new_instance_per_file(settings, files):
    own = copy.deepcopy(settings)
    own["MARKDOWN"]["extension_configs"]["markdown.extensions.footnotes"] = {"UNIQUE_IDS": True}
    reader = ReusingMarkdownReader(own)
    for name in ("defines", "uses", "defines"):
        assert reader.read(str(files[name])) == fresh(own, files[name]), name
    assert reader._fields is None  # footnote ids counted across files: not reused

    class Unknown:
        __module__ = "somebody.elses.extension"

    assert reusable(type("Md", (), {"registeredExtensions": [Unknown()]})()) is False
