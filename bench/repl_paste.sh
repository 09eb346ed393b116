#!/usr/bin/env bash
# How long a long line pasted WITHOUT bracketed paste takes to reach the REPL and run, beside the
# reference: the same keys typed into `cat` in the same kind of tmux pane. tmux send-keys types
# the line key by key in 8 KB pieces, as a terminal delivers a paste.
# usage: bench/repl_paste.sh [KB ...]   (default: 10 100)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 2; }
work="$(mktemp -d)"; sock="optlab-paste-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
t() { tmux -L "$sock" "$@"; }
now() { date +%s.%N; }
send() { # sends $work/line in 8 KB pieces
  split -b 8000 "$work/line" "$work/piece."
  for f in "$work"/piece.*; do t send-keys -t "$1" -l "$(cat "$f")"; done
  rm -f "$work"/piece.*
}
"$here/optlab" -e 'print 1' >/dev/null 2>&1 # builds on first use, outside the timing
printf '%-6s %10s %10s %8s\n' KB cat_s optlab_s ratio
for kb in "${@:-10 100}"; do
  python3 - "$kb" > "$work/line" <<'PY'
import sys
n = int(sys.argv[1]) * 1024; s = "print 777 + 1 #"
while len(s) < n: s += " abc 1.5 +"
print(s, end="")
PY
  size=$(stat -c %s "$work/line")
  t new-session -d -s cat -x 200 -y 50 "stty -icanon -echo; cat > '$work/cat.out'"
  sleep 0.5; start=$(now); send cat
  while [ "$(stat -c %s "$work/cat.out" 2>/dev/null || echo 0)" -lt "$size" ]; do sleep 0.02; done
  cat_s=$(echo "$(now) - $start" | bc); t kill-session -t cat
  t new-session -d -s repl -x 200 -y 50 "cd '$here' && HOME='$work' ./optlab 2>/dev/null"
  until t capture-pane -p -t repl | grep -q 'optlab>'; do sleep 0.1; done
  start=$(now); send repl; t send-keys -t repl Enter
  until t capture-pane -p -t repl -S -5 | grep -q '^778.0'; do sleep 0.02; done
  repl_s=$(echo "$(now) - $start" | bc); t kill-session -t repl
  printf '%-6s %10.2f %10.2f %8.1f\n' "$kb" "$cat_s" "$repl_s" "$(echo "$repl_s / $cat_s" | bc -l)"
done
