#!/usr/bin/env bash
# Quick start: install what the tests need, lint, and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
.venv/bin/ruff check .
# Two workers: the machine (and CI) has two cores.
exec .venv/bin/python -m pytest -n 2 "$@"
