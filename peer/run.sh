#!/usr/bin/env bash
# Runs the peer tests: each vendor's own Python SDK, in its own venv, against `pamtui simulate`.
# Usage: peer/run.sh [SUITE…] [-- PYTEST ARGS…]   (default: every folder of peer/ with a
# requirements.txt). The suites run in parallel, each with its own simulator; their output is
# printed suite by suite once all have finished. Needs the pamtui binary (PAMTUI_BIN, default
# .build/debug/pamtui). Fails when any suite fails or collects no tests (pytest's 5).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
export PAMTUI_BIN="${PAMTUI_BIN:-$root/.build/debug/pamtui}"
[[ -x "$PAMTUI_BIN" ]] || { echo "peer/run.sh: no pamtui binary at $PAMTUI_BIN (swift build --product pamtui)" >&2; exit 1; }

suites=()
while [[ $# -gt 0 && "$1" != "--" ]]; do suites+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
if [[ ${#suites[@]} -eq 0 ]]; then
    for requirements in "$here"/*/requirements.txt; do suites+=("$(basename "$(dirname "$requirements")")"); done
fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
pids=()
for suite in "${suites[@]}"; do
    (
        set +e
        "$here/setup-venv.sh" "$suite" && \
            "$root/.venv-$suite/bin/python" -m pytest -q -p no:cacheprovider --rootdir "$here/$suite" "$here/$suite" "$@"
        echo $? > "$logs/$suite.rc"
    ) > "$logs/$suite.log" 2>&1 &
    pids+=($!)
done
wait "${pids[@]}" || true

status=0
for suite in "${suites[@]}"; do
    rc="$(cat "$logs/$suite.rc" 2>/dev/null || echo 1)"
    echo "=== peer/$suite (exit $rc)"
    cat "$logs/$suite.log"
    if [[ "$rc" -eq 5 ]]; then echo "peer/run.sh: $suite collected no tests" >&2; rc=1; fi
    [[ "$rc" -eq 0 ]] || status=1
done
exit "$status"
