#!/usr/bin/env bash
# Benchmark: list every BeyondTrust managed account and every Secret Server secret (--scale,
# default 100000, each) with pamtui's release build and with the vendor's own Python library
# (BIPS; python-tss-sdk), against the same `pamtui simulate` on loopback (plain HTTP for both). Prints both wall times (best of
# BENCH_RUNS), the ratio python/pamtui (the machine-independent figure), pamtui's peak RSS,
# and PASS/MISS against the targets; then the API calls of each CLI operation (api_calls.sh).
# A benchmark, not a test: exits 0 on MISS, non-zero only when something fails outright
# (build, simulator, a run, or differing account counts).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
scale="${BENCH_SCALE:-100000}"
runs="${BENCH_RUNS:-3}"
ready_seconds="${BENCH_READY_SECONDS:-120}"

if [[ -z "${PAMTUI_BIN:-}" ]]; then
    (cd "$root" && swift build -c release --product pamtui >&2)
    PAMTUI_BIN="$root/.build/release/pamtui"
fi
"$root/peer/setup-venv.sh" beyondtrust
"$root/peer/setup-venv.sh" secretserver-tss
py="$root/.venv-beyondtrust/bin/python"

work="$(mktemp -d)"
top="$work"
# The runs journal their check-outs here, not in the user's own lease journal.
export XDG_STATE_HOME="$work/state"
source "$(dirname "${BASH_SOURCE[0]}")/simulator.sh"
trap 'stop_simulator || true; rm -rf "$top"' EXIT

# Lists every row of KIND with pamtui and with the vendor's Python SDK (PEER_SCRIPT, run by
# PYTHON), against one simulator of VENDOR at --scale; then the report of the two.
list_against_python() {
    local vendor="$1" kind="$2" peer_name="$3" python="$4" peer_script="$5"
    local dir="$work/$vendor"
    mkdir -p "$dir"
    local saved_work="$work"
    work="$dir"
    start_simulator bench "$PAMTUI_BIN" --vendors "$vendor" --scale "$scale"
    printf '%s\n' "$ready" >"$dir/ready.json"

    # (a) pamtui: one run to count the rows in its JSON, then the timed runs.
    "$PAMTUI_BIN" ls "$kind" --json --config "$dir/config.toml" >"$dir/pamtui.json"
    local count
    count="$("$python" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$dir/pamtui.json")"
    for _ in $(seq "$runs"); do
        "$python" "$here/measure.py" -- "$PAMTUI_BIN" ls "$kind" --json --config "$dir/config.toml" >>"$dir/pamtui.runs"
    done

    # (b) the vendor's library, paging through every row; each run prints its count.
    for i in $(seq "$runs"); do
        "$python" "$here/measure.py" --stdout "$dir/peer.count.$i" -- "$python" "$here/$peer_script" "$dir/ready.json" >>"$dir/peer.runs"
    done

    stop_simulator || { echo "bench: simulator did not exit cleanly" >&2; exit 1; }
    work="$saved_work"
    "$python" "$here/report.py" --what "$kind" --peer "$peer_name" "$dir/pamtui.runs" "$dir/peer.runs" "$count" "$dir"/peer.count.*
}

list_against_python beyondtrust accounts BIPS "$py" list_accounts_bips.py
echo
list_against_python secretserver secrets python-tss-sdk "$root/.venv-secretserver-tss/bin/python" list_secrets_tss.py
echo

# API calls per CLI operation, counted from the trace (machine-independent), against its own
# simulator with the seeded world.
PAMTUI_BIN="$PAMTUI_BIN" "$here/api_calls.sh"

# The terminal UI's hot paths over 100,000 accounts (no simulator needed), its idle CPU, and
# presenting a 250x80 frame through ncurses in a real terminal (tmux).
"$PAMTUI_BIN" bench-ui
PAMTUI_BIN="$PAMTUI_BIN" "$here/ui_idle.sh"
PAMTUI_BIN="$PAMTUI_BIN" "$here/ui_present.sh"
