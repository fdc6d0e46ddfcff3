#!/usr/bin/env bash
# Usage: peer/setup-venv.sh SUITE
# Creates .venv-SUITE at the repo root and installs
# peer/SUITE/requirements.txt into it, only when the venv is missing or the requirements
# changed since the last install. Each peer SDK has its own venv, so their pins never meet.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="${1:?usage: peer/setup-venv.sh SUITE (one of: $(cd "$here" && ls -d */ | tr -d / | tr '\n' ' '))}"
requirements="$here/$suite/requirements.txt"
[[ -f "$requirements" ]] || { echo "setup-venv: no $requirements" >&2; exit 1; }
venv="$(dirname "$here")/.venv-$suite"
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
