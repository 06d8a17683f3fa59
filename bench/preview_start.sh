#!/bin/sh
# Seconds from starting the live preview to its front page served, with no
# reader cache (cold) and then with the cache the first start filled (warm):
#
#   bench/preview_start.sh CORPUS WORK [PORT]
#
# CORPUS is a folder written by bench/corpus.py; WORK a folder made anew for
# the settings file, the cache and the outputs. Run it from a `git archive`
# of each commit to compare them.
set -eu
corpus=$1 work=$2 port=${3:-18461}
repo=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$work"
mkdir -p "$work"
cat > "$work/site.settings.py" <<SETTINGS
import sys
sys.path.insert(0, '$repo')
from pelicanconf import *
PATH = '$corpus/content'
CACHE_PATH = '$work/cache'
SETTINGS
cd "$repo"
for run in cold warm; do
    started=$(date +%s.%N)
    .venv/bin/python -m pressless.tools.preview --settings "$work/site.settings.py" --output "$work/out-$run" \
        --port "$port" --live-port $((port + 1)) >"$work/$run.log" 2>&1 &
    preview=$!
    until curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/" 2>/dev/null | grep -q 200; do
        kill -0 "$preview" 2>/dev/null || { echo "the preview stopped; see $work/$run.log" >&2; exit 1; }
        sleep 0.05
    done
    served=$(date +%s.%N)
    echo "$(basename "$corpus") $run: served after $(echo "$served - $started" | bc) s"
    sleep 2  # the worker writes the other pages; stopping it then is what a user does
    kill "$preview"
    wait "$preview" 2>/dev/null || true
    sleep 1
done
