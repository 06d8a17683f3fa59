#!/usr/bin/env bash
# Quick start: install what the blog needs, build it, and serve it at
# http://127.0.0.1:8000 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/invoke livereload
