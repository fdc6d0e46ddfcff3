#!/usr/bin/env bash
# Presenting a frame through ncurses: `pamtui bench-ui --present` in a detached 250x80 tmux
# pane (a real terminal for curses), timing a full redraw and the frame after one filter
# keystroke. The results go to a file, printed here once the run ends.
set -euo pipefail
bin="${PAMTUI_BIN:?set PAMTUI_BIN}"
work="$(mktemp -d)"
# The runs journal their check-outs here, not in the user's own lease journal.
export XDG_STATE_HOME="$work/state"
socket="$work/tmux.sock"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# No status line, so the pane is the whole 250x80 window.
printf 'set -g status off\n' >"$work/tmux.conf"
tmux -S "$socket" -f "$work/tmux.conf" new-session -d -s present -x 250 -y 80 \
    "env -u DISPLAY TERM=tmux-256color LANG=C.UTF-8 '$bin' bench-ui --present --output '$work/present.txt' 2>'$work/err'; echo \$? >'$work/status'; sleep 600" \
    </dev/null >/dev/null 2>&1
for _ in $(seq 1 600); do [ -s "$work/status" ] && break; sleep 0.1; done
if [ ! -s "$work/status" ]; then
    echo "ui_present: bench-ui --present did not finish within 60 s" >&2
    exit 1
fi
if [ "$(cat "$work/status")" != 0 ] || [ ! -s "$work/present.txt" ]; then
    echo "ui_present: bench-ui --present failed (status $(cat "$work/status"))" >&2
    cat "$work/err" >&2
    exit 1
fi
cat "$work/present.txt"
