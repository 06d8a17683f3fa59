#!/usr/bin/env bash
# Quick start: install what the blog needs, build it, and serve it at
# http://127.0.0.1:8000 with live reload. Options go to `invoke livereload`:
#   bash scripts/serve.sh --port 8080 --live-port 35730
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/invoke livereload "$@"
