"""Files a plugin makes itself (pressless.core.writing.write_text_file): written by a build,
made on request by the preview's recording writer."""

import pytest
from pelican.writers import Writer

from pressless.core.errors import AuthorError
from pressless.core.writing import write_text_file
from pressless.tools.preview.jobs import RecordingWriter

SETTINGS = {"RELATIVE_URLS": False, "SITEURL": ""}


def test_a_build_writes_the_file_at_once(tmp_path):
    write_text_file(Writer(str(tmp_path), settings=dict(SETTINGS)), "post/feed/atom.xml", lambda: "<feed/>")
    assert (tmp_path / "post" / "feed" / "atom.xml").read_text(encoding="utf-8") == "<feed/>"


def test_the_preview_makes_the_file_only_when_asked(tmp_path):
    writer = RecordingWriter(str(tmp_path), dict(SETTINGS, OUTPUT_PATH=str(tmp_path)))
    made = []

    def feed():
        made.append(1)
        return "<feed/>"

    write_text_file(writer, "/post/./feed/atom.xml", feed)
    assert made == [] and list(tmp_path.iterdir()) == []
    assert writer.jobs["post/feed/atom.xml"].text() == "<feed/>" and made == [1]


@pytest.mark.parametrize("path", ["../outside.xml", "post/../../outside.xml", "/"])
def test_the_preview_refuses_a_file_outside_the_output_as_a_build_does(tmp_path, path):
    for writer in (Writer(str(tmp_path), settings=dict(SETTINGS)),
                   RecordingWriter(str(tmp_path), dict(SETTINGS, OUTPUT_PATH=str(tmp_path)))):
        with pytest.raises(AuthorError, match="not a file inside the output folder"):
            write_text_file(writer, path, lambda: "x")
