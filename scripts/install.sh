#!/usr/bin/env bash
# Install what Pressless needs; does nothing for what is already there.
#   scripts/install.sh          the blog: Python packages in .venv
#   scripts/install.sh --test   also the test tools: Chromium, Java, npm tools, isso
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

python=${PYTHON:-python3}
venv=.venv

# A stamp holds the checksum of the files an install came from: the install
# runs again only when one of them changed.
unchanged() {  # stamp file, files the install came from
  local stamp=$1
  shift
  [ "$(cat "$stamp" 2>/dev/null)" = "$(cat "$@" | sha256sum | cut -d' ' -f1)" ]
}

record() {  # stamp file, files the install came from
  local stamp=$1
  shift
  cat "$@" | sha256sum | cut -d' ' -f1 > "$stamp"
}

install_requirements() {  # venv, requirements files (the first one is installed)
  local venv=$1 stamp="$1/.installed-$(basename "$2")"
  shift
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  if ! unchanged "$stamp" "$@"; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$1"
    record "$stamp" "$@"
  fi
}

# == locks: the blog's and the tests' packages come from requirements*.lock, every
# package pinned with its hashes (pip checks them). A top-level pin missing from its
# lock stops here, naming it: run `invoke lock` (docs/reliability.md).
"$python" -m pressless.tools.locks --check

if $want_test; then
  install_requirements "$venv" requirements-test.lock requirements-test.txt requirements.txt
  install_requirements .venv-isso requirements-isso.txt

  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
  [ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
  # The publish tests' servers on 127.0.0.1: nginx, sshd and rsync, Caddy.
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v rsync >/dev/null || missing+=(rsync)
  command -v caddy >/dev/null || missing+=(caddy)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  if [ -f package-lock.json ] && ! unchanged node_modules/.installed-lock package-lock.json; then
    command -v npm >/dev/null || { apt-get update -qq; apt-get install -y -qq nodejs npm >/dev/null; }
    # No install scripts: vnu-jar's would fetch a Java of its own; Debian's is used.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    record node_modules/.installed-lock package-lock.json
  fi
else
  install_requirements "$venv" requirements.lock requirements.txt
fi
