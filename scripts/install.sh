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

# pip runs only when a requirements file changed since the last install.
install_requirements() {  # venv, requirements file
  local venv=$1 requirements=$2 stamp
  stamp="$1/.installed-$(basename "$2")"
  if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
  fi
  local wanted
  wanted=$(cat "$requirements" requirements.txt 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$wanted" > "$stamp"
  fi
}

if $want_test; then
  install_requirements "$venv" requirements-test.txt
  install_requirements .venv-isso requirements-isso.txt

  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  if [ -f package-lock.json ]; then
    if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
      command -v npm >/dev/null || { apt-get update -qq; apt-get install -y -qq nodejs npm >/dev/null; }
      npm ci --no-audit --no-fund --loglevel=error
    fi
  fi
else
  install_requirements "$venv" requirements.txt
fi
