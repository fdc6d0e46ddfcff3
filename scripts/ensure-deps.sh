#!/usr/bin/env bash
# Installs the Debian packages pamtui needs to build and test, when they are missing.
# Usage: scripts/ensure-deps.sh [demo|test|bench]
set -euo pipefail

packages=(libcurl4-openssl-dev libncurses-dev python3-venv openssl tmux xvfb xauth xclip xsel)
if [ "${1:-}" = "screenshots" ]; then
  packages+=(xterm imagemagick x11-utils xdotool fonts-dejavu-core)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "pamtui: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "pamtui: run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
"${apt_get[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
