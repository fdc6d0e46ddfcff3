#!/usr/bin/env bash
# Creates the repo's .venv (override with PAMTUI_VENV) and installs peer/requirements.txt
# into it, only when the venv is missing or the requirements changed since the last install.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${PAMTUI_VENV:-$(dirname "$here")/.venv}"
requirements="$here/requirements.txt"
stamp="$venv/.peer-requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    exit 0
fi
if [[ ! -x "$venv/bin/python" ]]; then
    if ! python3 -m venv --clear "$venv"; then
        echo "setup-venv: 'python3 -m venv' failed; on Debian install it with: apt-get install python3-venv" >&2
        exit 1
    fi
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$want" > "$stamp"
