# Sourced by the bench scripts: start `pamtui simulate` in the background and wait for its ready
# line with a deadline; stop it again. Uses $work (a temporary folder) and sets $sim_pid, $ready.

sim_pid=""

# start_simulator LABEL BINARY ARGS...: `BINARY simulate ARGS... --write-config $work/config.toml`.
start_simulator() {
    local label="$1" binary="$2"
    shift 2
    mkfifo "$work/ready.fifo"
    "$binary" simulate "$@" --write-config "$work/config.toml" >"$work/ready.fifo" 2>"$work/simulate.err" &
    sim_pid=$!
    exec 3<"$work/ready.fifo"
    if ! IFS= read -r -t "${ready_seconds:-60}" ready <&3; then
        echo "$label: simulator not ready within ${ready_seconds:-60}s" >&2
        cat "$work/simulate.err" >&2
        exit 1
    fi
}

stop_simulator() {
    [[ -n "$sim_pid" ]] || return 0
    local pid="$sim_pid" status=0
    sim_pid=""
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || status=$?
    return "$status"
}
