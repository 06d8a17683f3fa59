"""bench/cold.sh: the cold build that docs/benchmarks.md times in turns with farm-bench."""

import subprocess

from bs4 import BeautifulSoup

from .test_corpus import BENCH, generate


def cold(tool, corpus, outroot):
    return subprocess.run(["sh", str(BENCH / "cold.sh"), tool, str(corpus), str(outroot)],
                          capture_output=True, text=True, check=False)


def test_each_tool_builds_the_corpus_into_a_new_folder(tmp_path):
    corpus = generate(tmp_path / "corpus", posts=4)
    outroot = tmp_path / "runs"
    for tool in ("pressless", "pelican", "pressless"):
        assert cold(tool, corpus, outroot).returncode == 0
    outputs = sorted(outroot.glob("out-*"))
    # Three runs, three output folders: nothing of an earlier run is reused or deleted.
    assert [folder.name.split("-")[1] for folder in outputs].count("pressless") == 2
    assert len(outputs) == 3
    for folder in outputs:
        titles = {BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").title.get_text()
                  for page in folder.rglob("*.html")}
        assert len(titles) > 4, folder
    pressless = [folder for folder in outputs if "pressless" in folder.name]
    assert all((folder / "pagefind" / "pagefind-entry.json").is_file() for folder in pressless)
    assert not any((folder / "pagefind").exists() for folder in outputs if "pelican" in folder.name)


def test_an_unknown_tool_is_one_line_and_exit_2(tmp_path):
    done = cold("hugo", tmp_path, tmp_path / "runs")
    assert done.returncode == 2
    assert done.stderr.strip() == "bench/cold.sh: TOOL is pressless or pelican, not hugo"
    assert not (tmp_path / "runs").exists()
