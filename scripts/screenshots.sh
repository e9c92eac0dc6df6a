#!/usr/bin/env bash
# Renders chosen winddown screens in a real terminal (xterm under Xvfb, DejaVu
# Sans Mono 12) to PNG files, so the README can show what a person sees —
# colours, contrast and sizes included — and a change in look can be reviewed.
#
#   scripts/screenshots.sh [OUT_DIR]        (default: assets/screenshots)
#
# Installs what it needs from Debian's packages (xvfb, xterm, x11-apps for xwd,
# netpbm for PNG, tmux, fonts-dejavu-core) when they are missing. The app runs
# inside tmux inside xterm, so keys can be sent to reach a screen. The clock is
# pinned (WINDDOWN_NOW) and the journal is a generated one, so pictures only
# change when the look does. WINDDOWN_BIN picks the binary (default: a release
# build of this checkout). Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/screenshots}
mkdir -p "$out"

need=()
for pair in Xvfb:xvfb xterm:xterm xwd:x11-apps xwdtopnm:netpbm tmux:tmux; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
    echo "installing ${need[*]}" >&2
    sudo=; [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

bin=${WINDDOWN_BIN:-}
if [[ -z $bin ]]; then
    cargo build --release --quiet
    bin=$PWD/target/release/winddown
fi

work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1200x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display
sleep 1

# A journal with three weeks of history, ending the night before the pinned clock.
python3 scripts/gen-history.py "$work/data" --years 1 --end 2026-11-23 >/dev/null
export WINDDOWN_DATA_DIR=$work/data WINDDOWN_CONFIG_DIR=$work/config
export WINDDOWN_NOW=2026-11-24T21:00:00+01:00

# shot NAME COLSxROWS light|dark SECONDS "COMMAND" [KEY...]
# SHOTS="name name" takes only those.
shot() {
    local name=$1 size=$2 look=$3 wait=$4 cmd=$5
    shift 5
    [[ -z ${SHOTS:-} || " $SHOTS " == *" $name "* ]] || return 0
    local cols=${size%x*} rows=${size#*x} bg=white fg=black colorfgbg='0;15'
    [[ $look == dark ]] && bg='#1e1e1e' fg='#d0d0d0' colorfgbg='15;0'
    local session=shot$RANDOM
    # tmux does not answer the OSC 11 background query, so the app learns the
    # background from COLORFGBG, as under rxvt or Konsole (xterm itself answers).
    tmux -L "$session" -f /dev/null new-session -d -s "$session" -x "$cols" -y "$rows" \
        "env TERM=xterm-256color COLORFGBG='$colorfgbg' $cmd; sleep 600"
    tmux -L "$session" set -g status off
    xterm -tn xterm-256color -title "$session" -geometry "${cols}x${rows}+0+0" -fa 'DejaVu Sans Mono' -fs 12 \
        -bg "$bg" -fg "$fg" -xrm 'XTerm*allowTitleOps: false' \
        -e tmux -L "$session" attach -t "$session" &
    local term=$!
    sleep 1.5
    for key in "$@"; do
        tmux -L "$session" send-keys -t "$session" "$key"
        sleep 0.4
    done
    sleep "$wait"
    local id
    id=$(xwininfo -root -tree | awk -v t="\"$session\":" '$2 == t {print $1; exit}')
    # 256 colours are plenty for a terminal and keep each file near 30 kB.
    xwd -silent -id "$id" | xwdtopnm 2>/dev/null | pnmquant 256 2>/dev/null | pnmtopng > "$out/$name.png"
    kill $term 2>/dev/null || true
    tmux -L "$session" kill-session -t "$session" 2>/dev/null || true
    echo "$out/$name.png"
}

shot home-80x24 80x24 light 1 "$bin"
shot coach-hold-light 100x32 light 3 "$bin run cramp-guard" Enter
shot coach-hold-dark 100x32 dark 3 "$bin run cramp-guard" Enter
# At 4x: get ready 1.25 s, the hold 7.5 s, so the switch runs 8.75-10 s after the start.
shot coach-switch 100x32 light 7.8 "$bin run cramp-guard --speed 4"
shot history 100x32 light 1 "$bin history"
shot history-no-color 100x32 light 1 "env NO_COLOR=1 $bin history"
shot checkin-form 100x32 light 1 "$bin checkin"
shot end-screen 100x32 light 1 "$bin run two-minute" n n n
shot editor 100x32 light 1 "$bin" 4 Enter
