"""The lock files: every package an install gets, pinned with its hashes.

requirements.txt and requirements-test.txt are what we choose (top-level
pins, edited by hand); requirements.lock and requirements-test.lock are what
scripts/install.sh installs: those pins plus every package they pull in,
each pinned with the hashes of its files (pip --require-hashes), so a fresh
install never picks up a dependency released yesterday. pip-compile
(pip-tools) makes them, from its own virtualenv (.venv-lock), so neither
the blog's nor the tests' environment holds pip-tools.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIP_TOOLS = "pip-tools==7.6.2"
TOOLS_VENV = ROOT / ".venv-lock"
# (what we choose, what is installed, the lock it must agree with). The test
# lock is made first; the blog's is then held to the same versions, so
# `install.sh` and `install.sh --test` install the same Pelican, Markdown, ...
LOCKS = (
    ("requirements-test.txt", "requirements-test.lock", None),
    ("requirements.txt", "requirements.lock", "requirements-test.lock"),
)
COMPILE_OPTIONS = [
    "--quiet", "--generate-hashes",
    # pip and setuptools are pinned too: nothing is left to the day of the install.
    "--allow-unsafe",
    # The lock must not carry this machine's package mirrors or wheel folders.
    "--no-emit-index-url", "--no-emit-find-links",
    "--strip-extras",
]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;#]+)")


def normal_name(name):
    """A package name as PyPI compares them: 'Foo_Bar' and 'foo-bar' are one."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text):
    """{normal name: version} of the `name==version` lines of a requirements or lock file."""
    found = {}
    for line in text.splitlines():
        match = _PIN.match(line.strip())
        if match:
            found[normal_name(match.group(1))] = match.group(3)
    return found


def stale_pins(chosen_text, lock_text):
    """Top-level pins the lock does not hold at the same version: [(name, chosen, locked or None)]."""
    locked = pins(lock_text)
    return [(name, version, locked.get(name)) for name, version in pins(chosen_text).items()
            if locked.get(name) != version]


def tools_python():
    """The Python of .venv-lock, with pip-tools installed in it."""
    python = TOOLS_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PIP_TOOLS],
                   check=True)
    return python


def refresh_locks(upgrade=False, log=print):
    """Compile every lock from its top-level file, keeping the locked versions unless `upgrade`."""
    python = tools_python()
    for chosen, lock, agree_with in LOCKS:
        command = [str(python), "-m", "piptools", "compile", *COMPILE_OPTIONS,
                   *(["--upgrade"] if upgrade else []),
                   *(["--constraint", agree_with] if agree_with else []),
                   "--output-file", lock, chosen]
        log(f"lock: {chosen} -> {lock}")
        subprocess.run(command, cwd=ROOT, check=True)


def main(argv):
    """`python -m pressless.tools.locks --check`: name each lock that misses a top-level pin (install.sh)."""
    if argv != ["--check"]:
        print("usage: python -m pressless.tools.locks --check", file=sys.stderr)
        return 2
    stale = []
    for chosen, lock, _ in LOCKS:
        chosen_text = (ROOT / chosen).read_text(encoding="utf-8")
        lock_path = ROOT / lock
        lock_text = lock_path.read_text(encoding="utf-8") if lock_path.exists() else ""
        stale += [(lock, *pin) for pin in stale_pins(chosen_text, lock_text)]
    for lock, name, version, locked in stale:
        print(f"{lock}: {name}=={version} is pinned but the lock has {locked or 'no ' + name}; "
              "run `invoke lock` (see docs/reliability.md)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
