"""The static site generators the benchmark compares, and how to run each.

A Tool knows its build commands, which corpus tree it reads (a key of
manifest.json's "files"), what it caches between builds (wiped before a
cold build) and any untimed setup the corpus needs first.
"""

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def pelican_command(content, out, settings, *extra_settings):
    # `python -m pelican` with this interpreter: the venv that runs the
    # benchmark is the one whose Pelican and plugins get measured.
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(settings)]
    command += ["-o", str(out), "--fatal", "errors"]
    if extra_settings:
        # Last: Pelican's -e takes every argument after it.
        command += ["-e", *extra_settings]
    return command


def pressless_commands(corpus, out, cache):
    """Everything a full Pressless build runs, in order; timed as one build.

    Mirrors pressless/tools/build.py: one Pelican run, whose search plugin
    writes the Pagefind index. Add any step build.py gains here too, so every
    phase measures the whole build.
    """
    cache_setting = f"CACHE_PATH={json.dumps(str(cache))}"
    return [pelican_command(corpus / "content", out, REPO / "pelicanconf.py", cache_setting)]


def vanilla_commands(corpus, out, cache):
    cache_setting = f"CACHE_PATH={json.dumps(str(cache))}"
    return [pelican_command(corpus / "content", out, BENCH / "vanilla_pelicanconf.py", cache_setting)]


def hugo_commands(corpus, out, cache):
    source = corpus / "hugo"
    return [["hugo", "--source", str(source), "--destination", str(out), "--cacheDir", str(cache)]]


def jekyll_commands(corpus, out, cache):
    source = corpus / "jekyll"
    return [["jekyll", "build", "--source", str(source), "--destination", str(out)]]


def copy_skeleton(skeleton, target):
    # Layouts and config live in bench/; the corpus only has content.
    shutil.copytree(skeleton, target, dirs_exist_ok=True)


@dataclass
class Tool:
    name: str
    tree: str
    commands: object
    executable: str = ""
    cwd: Path = REPO
    prepare: object = None
    # Per-build caches inside the corpus, relative to it.
    corpus_caches: list = field(default_factory=list)

    def available(self):
        return not self.executable or shutil.which(self.executable) is not None

    def version(self):
        command = {
            "hugo": ["hugo", "version"],
            "jekyll": ["jekyll", "--version"],
        }.get(self.executable, [sys.executable, "-m", "pelican", "--version"])
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        return (done.stdout or done.stderr).strip()

    def reset_for_cold_build(self, corpus, out, cache):
        for path in [out, cache, *(corpus / extra for extra in self.corpus_caches)]:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()


TOOLS = {
    "pressless": Tool("pressless", "pelican", pressless_commands),
    "pelican": Tool("pelican", "pelican", vanilla_commands),
    "hugo": Tool(
        "hugo",
        "hugo",
        hugo_commands,
        executable="hugo",
        prepare=lambda corpus: copy_skeleton(BENCH / "hugo-site", corpus / "hugo"),
        corpus_caches=["hugo/resources", "hugo/.hugo_build.lock"],
    ),
    "jekyll": Tool(
        "jekyll",
        "jekyll",
        jekyll_commands,
        executable="jekyll",
        prepare=lambda corpus: copy_skeleton(BENCH / "jekyll-site", corpus / "jekyll"),
        corpus_caches=["jekyll/.jekyll-cache", "jekyll/.jekyll-metadata"],
    ),
}


def checkout_tool(tree, name="before"):
    """Pressless as built by another checkout (e.g. an older commit copied aside).

    Its own bench/tools.py says what its full build runs, so the comparison
    measures that tree's build, steps and all, in the same invocation.
    """
    import importlib.util

    tree = Path(tree).resolve()
    spec = importlib.util.spec_from_file_location(f"tools_{name}", tree / "bench" / "tools.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Tool(name, "pelican", module.pressless_commands, cwd=tree)
