#!/usr/bin/env bash
# Real screenshots of the terminal UI: `pamtui demo` in tmux, shown by an xterm under Xvfb,
# driven with tmux send-keys, captured with ImageMagick's `import` into screenshots/*.png.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${PAMTUI_BIN:-$root/.build/debug/pamtui}"
out="$root/screenshots"
display=":$(( 90 + RANDOM % 50 ))"
base_socket="pamtui-shots-$$"
socket="$base_socket"
sockets=()
work="$(mktemp -d)"
# The runs journal their check-outs here, not in the user's own lease journal.
export XDG_STATE_HOME="$work/state"
xvfb_pid=""
xterm_pid=""
cleanup() {
    for server in "${sockets[@]}"; do
        tmux -L "$server" kill-server 2>/dev/null || true
        rm -f "/tmp/tmux-$(id -u)/$server"
    done
    [[ -n "$xterm_pid" ]] && kill "$xterm_pid" 2>/dev/null || true
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Waits (at most 20 s) until the pane shows `text`.
wait_for() {
    local text="$1"
    for _ in $(seq 1 200); do
        tmux -L "$socket" capture-pane -p -t shots | grep -qF -- "$text" && return 0
        sleep 0.1
    done
    echo "screenshots: the screen never showed '$text'" >&2
    tmux -L "$socket" capture-pane -p -t shots >&2
    exit 1
}

keys() { tmux -L "$socket" send-keys -t shots "$@"; }

shot() {
    sleep 0.3  # let xterm paint the frame tmux already has
    import -display "$display" -window "$window" "$out/$1.png"
    echo "screenshots: $1.png"
}

# One demo session with a theme; each call starts a fresh tmux server and xterm.
start() {
    local theme="$1" background="${2:-black}" foreground="${3:-grey90}"
    [[ -n "$xterm_pid" ]] && kill "$xterm_pid" 2>/dev/null || true
    tmux -L "$socket" kill-server 2>/dev/null || true
    # A new server per session: the old one may still be going down.
    socket="$base_socket-$theme"
    sockets+=("$socket")
    tmux -L "$socket" -f /dev/null new-session -d -s shots -x 110 -y 32 \
        "env -u DISPLAY TERM=tmux-256color LANG=C.UTF-8 '$bin' demo --theme $theme; sleep 600" </dev/null >/dev/null 2>&1
    tmux -L "$socket" set -g status off
    DISPLAY="$display" xterm -geometry 110x32+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg "$background" -fg "$foreground" \
        -tn xterm-256color -e tmux -L "$socket" attach -t shots </dev/null >/dev/null 2>&1 &
    xterm_pid=$!
    window=""
    for _ in $(seq 1 100); do
        window="$(DISPLAY="$display" xdotool search --pid "$xterm_pid" 2>/dev/null | head -1 || true)"
        [[ -n "$window" ]] && break
        sleep 0.1
    done
    [[ -n "$window" ]] || { echo "screenshots: xterm did not open" >&2; exit 1; }
    wait_for "Accounts"
    wait_for "DC01"
}

Xvfb "$display" -screen 0 1000x640x24 -nolisten tcp </dev/null >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [[ -e "/tmp/.X11-unix/X${display#:}" ]] && break; sleep 0.1; done

start default-dark
shot browsing
keys / d c 0 1
wait_for "/dc01"
shot filtering
keys Enter c
wait_for "Check out"
shot checkout-dialog
keys Tab Tab Tab Tab Enter
wait_for "leases: 1"
shot lease-countdown-masked
keys r
wait_for "masks again in"
shot secret-revealed
keys Escape Escape ?
wait_for "Help"
shot help-overlay
keys Escape : t h e m e Space
wait_for "theme nord"
shot palette-theme
# A second check-out that may neither reuse nor renew: the server refuses it; the status line
# cuts the error, the messages view has it whole.
keys Escape /
keys -l dc01/admin
keys Enter c
wait_for "If I hold one"
keys Tab Tab Space Space C-s
wait_for "an active"
shot error-status-line
keys M
wait_for "Messages"
shot messages
# The second profile: a Secret Server folder, one secret opened with Enter (its fields read).
keys Escape 1 j Enter
wait_for "Daisy Group"
keys /
keys -l windows
keys Enter Enter
wait_for "WIN-DC01"
keys Enter
wait_for "win-app01"
shot secretserver-fields
keys Escape q Left Left Enter

# Light themes are for light terminals.
start light white black
shot theme-light
for theme in gruvbox monochrome; do
    start "$theme"
    shot "theme-$theme"
done
