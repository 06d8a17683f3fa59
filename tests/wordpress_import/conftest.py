import pytest

from pressless.tools.build import build_site
from tests.conftest import BuiltSite

from .helpers import import_all, make_uploads, settings_file


@pytest.fixture(scope="session")
def imported(tmp_path_factory):
    """The three fixture exports imported into one content folder and built."""
    folder = tmp_path_factory.mktemp("imported")
    content = folder / "content"
    reports = import_all(content, make_uploads(folder / "uploads"))
    output = build_site(settings_file(folder, content), folder / "output")
    return {"content": content, "reports": reports, "site": BuiltSite(output)}
