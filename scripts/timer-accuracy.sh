#!/usr/bin/env bash
# Timer accuracy: a 10-minute routine (ten 60 s holds, no pauses) at speed 1,
# run in a real terminal (tmux); prints the recorded duration against the plan.
# usage: cargo build --release && scripts/timer-accuracy.sh   (takes 10 minutes)
set -euo pipefail
bin=${BIN:-$(pwd)/target/release/winddown}
tmp=$(mktemp -d)
trap 'tmux -L wdacc kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/routines"
{
  printf 'name = "Ten minutes"\nsummary = "ten 60 s holds"\n[defaults]\nget_ready = "0s"\n'
  for i in $(seq 1 10); do printf '[[step]]\ntitle = "Hold %s"\nhold = "60s"\n' "$i"; done
} > "$tmp/config/routines/ten.toml"
tmux -L wdacc new-session -d -s wdacc -x 80 -y 24 \
  "WINDDOWN_CONFIG_DIR=$tmp/config WINDDOWN_DATA_DIR=$tmp/data $bin run ten; sleep 5"
sleep 603
python3 "$(dirname "$0")/run-durations.py" "$tmp/data/journal" 600
