#!/usr/bin/env bash
# Runs the peer tests: the official BeyondTrust Python library against `pamtui simulate`.
# Needs the pamtui binary (PAMTUI_BIN, default .build/debug/pamtui). Exit code is pytest's,
# except that "no tests collected" (5) is a failure too.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
export PAMTUI_BIN="${PAMTUI_BIN:-$root/.build/debug/pamtui}"
[[ -x "$PAMTUI_BIN" ]] || { echo "peer/run.sh: no pamtui binary at $PAMTUI_BIN (swift build --product pamtui)" >&2; exit 1; }

"$here/setup-venv.sh"
venv="${PAMTUI_VENV:-$root/.venv}"

status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider --rootdir "$here" "$here" "$@" || status=$?
if [[ $status -eq 5 ]]; then
    echo "peer/run.sh: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
