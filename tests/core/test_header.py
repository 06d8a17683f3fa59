"""The header reader reads exactly what Python-Markdown's meta extension (Pelican's reader) reads."""

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from pressless.core.header import read_header, write_header

KEYS = st.sampled_from(["Title", "Date", "Tags", "Summary", "slug", "Author", "X_1", "Reply-To", "2nd"])
VALUES = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20)
LINES = st.one_of(
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    VALUES.map(lambda v: f"    {v}"),  # a continuation line
    st.sampled_from(["", "---", "...", "not a key line", "   Three: spaces", "    Four: spaces", "  "]),
)


def markdown_meta(text):
    """What Pelican's Markdown reader gets: Meta and the lines left for the body."""
    md = markdown.Markdown(extensions=["meta"])
    lines = text.split("\n")
    body = md.preprocessors["meta"].run(lines)
    return md.Meta, "\n".join(body)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINES, max_size=8), fenced=st.booleans(), body=st.sampled_from(["", "Text.", "A: b"]))
def test_reads_what_markdown_meta_reads(lines, fenced, body):
    text = "\n".join((["---"] if fenced else []) + lines + ["", body])
    meta, rest = markdown_meta(text)
    header = read_header(text)
    assert {key: list(field.values) for key, field in header.fields.items()} == meta
    assert header.body.strip("\n") == rest.strip("\n")


def test_bom_and_fences_are_read_as_pelican_reads_them():
    header = read_header("\ufeff---\nTitle: Fenced\nDate: 2026-01-02\n---\nBody\n")
    assert header.get("title") == "Fenced" and header.get("date") == "2026-01-02"
    assert header.body == "Body"


def test_first_value_wins_and_duplicates_are_named_with_their_lines():
    header = read_header("Title: One\nDate: 2026-01-02\nTitle: Two\n\nBody")
    assert header.get("title") == "One"
    assert [(field.key, field.lines) for field in header.duplicates] == [("title", (1, 3))]


def test_a_summary_keeps_its_continuation_lines():
    header = read_header("Title: T\nSummary: first line\n    second line\n\nBody")
    assert header.get("summary") == "first line\nsecond line"
    assert header.duplicates == []


@settings(max_examples=200, deadline=None)
@given(
    fields=st.lists(st.tuples(KEYS, st.text(max_size=30)), max_size=6, unique_by=lambda kv: kv[0].lower()),
    body=st.text(max_size=40),
)
def test_written_headers_read_back(fields, body):
    text = write_header(fields, body)
    header = read_header(text)
    for key, value in fields:
        assert header.get(key) == " ".join(value.split())
    assert len(header.fields) == len(fields)
