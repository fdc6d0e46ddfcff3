#!/usr/bin/env bash
# Idle CPU of the terminal UI: `pamtui demo` in tmux with a lease counting down (a timer firing
# every second), its CPU time read from /proc over a 10-second window.
set -euo pipefail
bin="${PAMTUI_BIN:?set PAMTUI_BIN}"
socket="pamtui-idle-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -f "/tmp/tmux-$(id -u)/$socket"' EXIT

tmux -L "$socket" -f /dev/null new-session -d -s idle -x 120 -y 36 \
    "env -u DISPLAY TERM=tmux-256color LANG=C.UTF-8 '$bin' demo; sleep 600" </dev/null >/dev/null 2>&1
screen() { tmux -L "$socket" capture-pane -p -t idle; }
wait_for() {
    for _ in $(seq 1 200); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
    echo "ui_idle: the screen never showed '$1'" >&2
    exit 1
}
wait_for "DC01"
tmux -L "$socket" send-keys -t idle / d c 0 1 Enter c Tab Tab Tab Tab Enter
wait_for "leases: 1"
# This pane's pamtui (a child of the pane's shell), not another demo running elsewhere.
pane="$(tmux -L "$socket" display -p -t idle '#{pane_pid}')"
pid="$(pgrep -P "$pane" -f ' demo' | head -1)"
[ -n "$pid" ] || { echo "ui_idle: pamtui not found under pane $pane" >&2; exit 1; }
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before="$(ticks)"
sleep 10   # the measurement window itself
after="$(ticks)"
ms=$(( (after - before) * 1000 / $(getconf CLK_TCK) ))
verdict=MISS; [ "$ms" -le 20 ] && verdict=PASS
echo "ui idle CPU over 10 s:  ${ms} ms (a lease counting down)   target <= 20 ms   $verdict"
