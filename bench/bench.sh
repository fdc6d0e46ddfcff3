#!/usr/bin/env bash
# Benchmark: list every BeyondTrust managed account (--scale, default 100000) with pamtui's
# release build and with the official Python library (BIPS), against the same
# `pamtui simulate` on loopback (plain HTTP for both). Prints both wall times (best of
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
py="$root/.venv-beyondtrust/bin/python"

work="$(mktemp -d)"
# The runs journal their check-outs here, not in the user's own lease journal.
export XDG_STATE_HOME="$work/state"
source "$(dirname "${BASH_SOURCE[0]}")/simulator.sh"
trap 'stop_simulator || true; rm -rf "$work"' EXIT

start_simulator bench "$PAMTUI_BIN" --vendors beyondtrust --scale "$scale"
printf '%s\n' "$ready" >"$work/ready.json"

# (a) pamtui: one run to count the accounts in its JSON, then the timed runs.
"$PAMTUI_BIN" ls accounts --json --config "$work/config.toml" >"$work/pamtui.json"
pamtui_count="$("$py" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$work/pamtui.json")"
for _ in $(seq "$runs"); do
    "$py" "$here/measure.py" -- "$PAMTUI_BIN" ls accounts --json --config "$work/config.toml" >>"$work/pamtui.runs"
done

# (b) the official library, paging through every account; each run prints its count.
for i in $(seq "$runs"); do
    "$py" "$here/measure.py" --stdout "$work/bips.count.$i" -- \
        "$py" "$here/list_accounts_bips.py" "$work/ready.json" >>"$work/bips.runs"
done

stop_simulator || { echo "bench: simulator did not exit cleanly" >&2; exit 1; }
"$py" "$here/report.py" "$work/pamtui.runs" "$work/bips.runs" "$pamtui_count" "$work"/bips.count.*

# API calls per CLI operation, counted from the trace (machine-independent), against its own
# simulator with the seeded world.
PAMTUI_BIN="$PAMTUI_BIN" "$here/api_calls.sh"

# The terminal UI's hot paths over 100,000 accounts (no simulator needed), its idle CPU, and
# presenting a 250x80 frame through ncurses in a real terminal (tmux).
"$PAMTUI_BIN" bench-ui
PAMTUI_BIN="$PAMTUI_BIN" "$here/ui_idle.sh"
PAMTUI_BIN="$PAMTUI_BIN" "$here/ui_present.sh"
