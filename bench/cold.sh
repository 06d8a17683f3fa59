#!/bin/sh
# One cold build, for timing from outside in turns with farm-bench:
#
#   farm-bench -n 9 --vs "bench/cold.sh pelican CORPUS OUTROOT" -- bench/cold.sh pressless CORPUS OUTROOT
#
# TOOL is pressless (pelicanconf.py) or pelican (bench/vanilla_pelicanconf.py,
# with --fatal errors, as bench/tools.py runs it); CORPUS a folder written by
# bench/corpus.py. The output and the cache go to new folders under OUTROOT
# (named by this process's id), so nothing is deleted while the build is
# timed: on a disk, removing a Pressless site costs more than writing it.
# Delete OUTROOT afterwards.
set -eu
tool=$1 corpus=$2 outroot=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
case $tool in
    pressless) settings=pelicanconf.py; extra="" ;;
    pelican) settings=bench/vanilla_pelicanconf.py; extra="--fatal errors" ;;
    *) echo "bench/cold.sh: TOOL is pressless or pelican, not $tool" >&2; exit 2 ;;
esac
mkdir -p "$outroot"
cd "$repo"
# shellcheck disable=SC2086  # $extra is two words or none
exec .venv/bin/python -m pelican "$corpus/content" -s "$settings" -o "$outroot/out-$tool-$$" \
    -e "CACHE_PATH=\"$outroot/cache-$tool-$$\"" $extra >/dev/null 2>&1
