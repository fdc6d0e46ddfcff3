#!/usr/bin/env bash
# API calls per CLI operation against BeyondTrust: each operation runs with a fresh
# --trace-file against a fresh `pamtui simulate` (the seeded world), and the trace's lines
# (one per API call) are counted. A count, so it does not depend on the machine. Also checks
# that `show` reusing a held check-out makes the protocol minimum: sign in, find the account,
# POST Requests, GET Credentials, sign out = 5 calls. A benchmark, not a test: exits 0 on MISS,
# non-zero only when something fails outright (the simulator or a command).
# Secrets printed by `show` and `secret` go to /dev/null.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bin="${PAMTUI_BIN:-$root/.build/release/pamtui}"
ready_seconds="${BENCH_READY_SECONDS:-120}"
show_minimum=5

[[ -x "$bin" ]] || { echo "api_calls: no pamtui binary at $bin (set PAMTUI_BIN)" >&2; exit 1; }

work="$(mktemp -d)"
# The runs journal their check-outs here, not in the user's own lease journal.
export XDG_STATE_HOME="$work/state"
source "$(dirname "${BASH_SOURCE[0]}")/simulator.sh"
trap 'stop_simulator || true; rm -rf "$work"' EXIT

start_simulator api_calls "$bin" --vendors beyondtrust
[[ "$ready" == *'"ready":true'* ]] || { echo "api_calls: unexpected first line from the simulator" >&2; exit 1; }

config=(--config "$work/config.toml" --profile beyondtrust)

# run NAME ARGS...: run `pamtui ARGS...` with its own trace file, stdout discarded (it may be a
# secret); fail loudly if the command fails. Sets $calls to the number of API calls traced.
step=0
run() {
    local name="$1"; shift
    step=$((step + 1))
    local trace="$work/trace.$step"
    if ! "$bin" "$@" "${config[@]}" --trace-file "$trace" >/dev/null 2>"$work/err.$step"; then
        echo "api_calls: '$name' failed:" >&2
        cat "$work/err.$step" >&2
        exit 1
    fi
    calls=0
    [[ -f "$trace" ]] && calls="$(wc -l <"$trace" | tr -d ' ')"
    printf 'api calls  %-32s %3d\n' "$name" "$calls"
}

# A credential secret from the seeded Secrets Safe (its FOLDER/PATH/TITLE), found outside the
# counted runs.
secret_ref="$("$bin" ls secrets --json "${config[@]}" | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if r.get("kind") == "credential"]
if rows: print(rows[0]["folderPath"] + "/" + rows[0]["title"])
')"
[[ -n "$secret_ref" ]] || { echo "api_calls: no credential secret in the seeded world" >&2; exit 1; }

run "ls systems" ls systems
run "ls accounts" ls accounts
run "ls requests" ls requests
run "checkout DC01/admin" checkout DC01/admin --reason bench
run "show DC01/admin (reusing)" show DC01/admin
show_calls="$calls"
run "checkin DC01/admin" checkin DC01/admin
run "show DC01/admin --checkin" show DC01/admin --checkin
run "secret $secret_ref" secret "$secret_ref"
run "ls folders" ls folders

verdict=MISS; [[ "$show_calls" -le "$show_minimum" ]] && verdict=PASS
echo "show minimum: $show_minimum calls expected, $show_calls counted  $verdict"

# BENCH_TRACE_DIR=DIR keeps the trace files (trace.N, N = the step above; never secrets).
if [[ -n "${BENCH_TRACE_DIR:-}" ]]; then
    mkdir -p "$BENCH_TRACE_DIR"
    cp "$work"/trace.* "$BENCH_TRACE_DIR"/ 2>/dev/null || true
fi

stop_simulator || { echo "api_calls: simulator did not exit cleanly" >&2; exit 1; }
