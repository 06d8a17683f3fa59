"""Where the npm and Debian tools live; a clear message when one is missing."""

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE_CLI = NODE_MODULES / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls hosts of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class ToolMissing(Exception):
    """A tool `scripts/install.sh --test` installs is not there."""


def require_file(path):
    if not Path(path).is_file():
        raise ToolMissing(f"{path} is missing: run scripts/install.sh --test")
    return Path(path)


def require_command(name):
    found = shutil.which(name)
    if not found:
        raise ToolMissing(f"`{name}` is not installed: run scripts/install.sh --test")
    return found


def npm_version(package):
    """The installed version of an npm package, for the report."""
    manifest = NODE_MODULES / package / "package.json"
    try:
        return json.loads(manifest.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "not installed"
