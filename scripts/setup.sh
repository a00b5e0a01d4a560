#!/usr/bin/env bash
# Installs everything the simulator needs on a fresh Debian machine, and nothing twice.
#   scripts/setup.sh            runtime: Debian packages, .venv, requirements.txt
#   scripts/setup.sh --dev      also the test tools (requirements-dev.txt) and the test-only system packages
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

debian_packages=(espeak-ng)
# the tests also start a throwaway PostgreSQL server on loopback and drive a real browser
[ "$dev" = 1 ] && debian_packages+=(postgresql chromium)

missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi

requirements=(requirements.txt)
[ "$dev" = 1 ] && requirements=(requirements-dev.txt)
stamp=".venv/.installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-$dev"
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages from ${requirements[*]}"
  .venv/bin/python -m pip install -q --disable-pip-version-check $(printf -- '-r %s ' "${requirements[@]}")
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -r requirements-nodeps.txt
  touch "$stamp"
fi
