#!/usr/bin/env bash
# CPU used by the coach while a 60 s hold counts down, read from /proc over 20 s,
# and the timer's accuracy over a whole routine. Needs tmux.
# usage: cargo build --release && scripts/coach-cpu.sh
set -euo pipefail
bin=${BIN:-$(pwd)/target/release/winddown}
tmp=$(mktemp -d)
trap 'tmux -L wdcpu kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/routines"
cat > "$tmp/config/routines/hold60.toml" <<'TOML'
name = "Hold 60"
summary = "one 60 s hold"
[[step]]
title = "Calf"
hold = "60s"
get_ready = "0s"
TOML
tmux -L wdcpu new-session -d -s wdcpu -x 80 -y 24 \
  "WINDDOWN_CONFIG_DIR=$tmp/config WINDDOWN_DATA_DIR=$tmp/data $bin run hold60"
sleep 2
pid=$(pgrep -n -f "$bin run hold60")
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep 20; t1=$(ticks)
awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "CPU during a 60 s hold: %.3f %% of one core (%d ticks of 1/%d s in 20 s)\n", (b - a) / hz / 20 * 100, b - a, hz }'
sleep 40
# The run record holds the start and end of the routine: compare with the plan (60 s).
tmux -L wdcpu send-keys -t wdcpu Enter 2>/dev/null || true
sleep 1
python3 "$(dirname "$0")/run-durations.py" "$tmp/data/journal" 60
