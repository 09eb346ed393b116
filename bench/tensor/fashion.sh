#!/usr/bin/env bash
# Fashion-MNIST (MLP 784-256-10, batch 128, Adam, float64), seconds per epoch and the time to
# load the 60,000 x 784 training images: optlab against PyTorch on this machine, side by side,
# ROUNDS times each, alternating (the machine may be shared); the best of each side is kept.
#   bash bench/tensor/fashion.sh [ROUNDS] [THREADS]     (defaults 3 and 1; both sides use THREADS)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
threads="${2:-1}"
./optlab --version >/dev/null 2>&1   # builds the jar if needed
python=/usr/bin/python3
best() { sort -g | head -n1; }
o_epoch=() o_load=() t_epoch=() t_load=()
for _ in $(seq "$rounds"); do
  # optlab: the run's own time over 2 epochs (its closing line), and the load as the wall time
  # of checking a script of the data statement alone minus that of an empty script.
  s=$(./optlab --threads "$threads" bench/tensor/fashion_mlp.opt 2>/dev/null | grep -o '([0-9.]* m\?s)' | tail -n1 \
    | awk '{ v = substr($1, 2); if ($2 ~ /^ms/) v /= 1000; printf "%.3f", v / 2 }')
  o_epoch+=("$s")
  a=$( { /usr/bin/time -f %e ./optlab --check bench/tensor/fashion_mlp.opt >/dev/null; } 2>&1 | tail -n1)
  b=$( { /usr/bin/time -f %e ./optlab -e 'print 1' >/dev/null; } 2>&1 | tail -n1)
  o_load+=("$(awk "BEGIN { printf \"%.3f\", $a - $b }")")
  if "$python" -c "import torch" 2>/dev/null; then
    out=$("$python" bench/tensor/fashion_torch.py "$threads" 2)
    t_epoch+=("$(echo "$out" | awk '/^epoch/ { print $2 }')")
    t_load+=("$(echo "$out" | awk '/^load/ { print $2 }')")
  fi
done
oe=$(printf '%s\n' "${o_epoch[@]}" | best)
ol=$(printf '%s\n' "${o_load[@]}" | best)
echo "threads: $threads, rounds: $rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "optlab:  $oe s/epoch; load ${ol} s (all: ${o_epoch[*]} / ${o_load[*]})"
if [ "${#t_epoch[@]}" -gt 0 ]; then
  te=$(printf '%s\n' "${t_epoch[@]}" | best)
  tl=$(printf '%s\n' "${t_load[@]}" | best)
  echo "pytorch: $te s/epoch; load ${tl} s (gzip + numpy; all: ${t_epoch[*]} / ${t_load[*]})"
  awk "BEGIN { printf \"ratio optlab / pytorch, epoch: %.2f\n\", $oe / $te }"
else
  echo "pytorch: not installed, skipped"
fi
