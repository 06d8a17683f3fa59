"""How the plugins are put together: loaded by names nothing can shadow, importing only the core."""

import ast
import subprocess
import sys

from tests.fixtures.blog import ROOT

from .helpers import post, run_build

PLUGINS = ROOT / "plugins"
CORE = ROOT / "pressless" / "core"
TOOLS = ROOT / "pressless" / "tools"


def imported_modules(path):
    """Absolute module names a file imports (relative imports resolved against its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names += [module] + [f"{module}.{alias.name}" for alias in node.names]
    return names


def python_files(folder):
    return sorted(folder.rglob("*.py"))


def test_no_plugin_imports_another_plugin():
    for path in python_files(PLUGINS):
        own = ".".join(path.relative_to(ROOT).parts[:2])
        for name in imported_modules(path):
            if name.startswith("plugins.") and name.split(".")[1] != "__init__":
                assert name.startswith(own + ".") or name == own, f"{path}: imports {name}"
            assert not name.startswith("pressless.tools"), f"{path}: imports {name}"


def test_the_core_has_no_signals_and_imports_no_plugin_or_tool():
    for path in python_files(CORE):
        for name in imported_modules(path):
            assert not name.startswith(("plugins", "pressless.tools")), f"{path}: imports {name}"
            assert name not in ("pelican.signals", "pelican.plugins.signals"), f"{path}: imports {name}"


def test_tools_import_no_plugin():
    for path in python_files(TOOLS):
        for name in imported_modules(path):
            assert not name.startswith("plugins"), f"{path}: imports {name}"


def test_an_installed_namespace_plugin_of_the_same_name_is_not_loaded(tmp_path):
    # pelican-related-posts (installed for the tests) provides pelican.plugins.related_posts.
    import pelican.plugins.related_posts  # noqa: F401 - it must be installed for this test to mean anything

    files = {
        "posts/a.md": post("Apples", Tags="fruit, red"),
        "posts/b.md": post("Berries", Tags="fruit, red", date="2026-01-11 10:00"),
        "posts/c.md": post("Cherries", Tags="fruit, red", date="2026-01-12 10:00"),
    }
    code, log, site = run_build(tmp_path, files, settings=["RELATED_POSTS_LIMIT=1"])
    assert code == 0, log
    # Ours honours RELATED_POSTS_LIMIT; the namespace plugin knows no such setting.
    related = site.soup("/2026/01/10/apples/").select(".related-posts-list li")
    assert len(related) == 1


def test_each_plugin_module_is_loaded_once_under_one_name(tmp_path):
    script = tmp_path / "load.py"
    script.write_text(
        "import sys\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        f"settings = read_settings({str(ROOT / 'pelicanconf.py')!r})\n"
        "Pelican(settings)\n"
        "for name in sorted(sys.modules):\n"
        "    print(name)\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = result.stdout.split()
    plugin_names = [path.name for path in PLUGINS.iterdir() if (path / "__init__.py").is_file()]
    for name in plugin_names:
        assert name not in loaded, f"{name} was loaded under its bare name too"
    assert "plugins.comments" in loaded and "plugins.seo" in loaded
