#!/usr/bin/env bash
# Fashion-MNIST (MLP 784-256-10, batch 128, Adam), seconds per epoch and the time to load the
# 60,000 x 784 training images: optlab against PyTorch on this machine, side by side, ROUNDS
# times each, alternating (the machine may be shared); the best of each side is kept.
#   bash bench/tensor/fashion.sh [ROUNDS] [THREADS] [DTYPE]
# (defaults 3, 1 and float64; both sides use THREADS). With DTYPE float32 both sides run in
# float32 (optlab's `dtype = float32`), optlab's float64 run alternates with them too, and the
# peak resident set of each optlab run is reported.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
threads="${2:-1}"
dtype="${3:-float64}"
rss=$(mktemp)
dir=$(mktemp -d)
trap 'rm -rf "$rss" "$dir"' EXIT
# optlab's scripts: 3 epochs of each dtype; in float32 the images are held in float32 too
# (dtype = "float32" on the data), as PyTorch's tensors are
sed "s/for 2 epochs/for 3 epochs/" bench/tensor/fashion_mlp.opt > "$dir/float64.opt"
sed 's/ metrics accuracy$/ metrics accuracy dtype = float32/; s/scale = "standard")/scale = "standard", dtype = "float32")/' \
  "$dir/float64.opt" > "$dir/float32.opt"
./optlab --version >/dev/null 2>&1   # builds the jar if needed
python=/usr/bin/python3
best() { sort -g | head -n1; }
o_epoch=() o_load=() t_epoch=() t_load=() o64_epoch=() o_rss=()
# A run's own time in seconds (its closing line).
secs() { grep -o '([0-9.]* m\?s)' | tail -n1 | awk '{ v = substr($1, 2); if ($2 ~ /^ms/) v /= 1000; printf "%.3f", v }'; }
# optlab's epoch: the run's own time over 3 epochs, divided by 3. It includes what PyTorch's
# timer leaves out: the traced first and last rows (the loss and gradient over all 60,000
# images, the test accuracy) and the JIT's warm-up. (A difference of a 3-epoch and a 1-epoch
# run would leave them out too, but on a shared machine the difference of two noisy times was
# mostly noise.) Also the run's peak resident set in MB.
measure() { # DTYPE: sets m_epoch
  m_epoch=$(/usr/bin/time -o "$rss" -f %M ./optlab --threads "$threads" "$dir/$1.opt" 2>/dev/null \
    | secs | awk '{ printf "%.3f", $1 / 3 }')
}
for _ in $(seq "$rounds"); do
  measure "$dtype"
  o_epoch+=("$m_epoch")
  o_rss+=("$(awk '{ printf "%.0f", $1 / 1024 }' "$rss")")
  if [ "$dtype" = float32 ]; then
    measure float64
    o64_epoch+=("$m_epoch")
  fi
  # the load: the wall time of checking the script (the data statement loads) minus that of
  # an empty script
  a=$( { /usr/bin/time -f %e ./optlab --check bench/tensor/fashion_mlp.opt >/dev/null; } 2>&1 | tail -n1)
  b=$( { /usr/bin/time -f %e ./optlab -e 'print 1' >/dev/null; } 2>&1 | tail -n1)
  o_load+=("$(awk "BEGIN { printf \"%.3f\", $a - $b }")")
  if "$python" -c "import torch" 2>/dev/null; then
    out=$("$python" bench/tensor/fashion_torch.py "$threads" 2 "$dtype")
    t_epoch+=("$(echo "$out" | awk '/^epoch/ { print $2 }')")
    t_load+=("$(echo "$out" | awk '/^load/ { print $2 }')")
  fi
done
oe=$(printf '%s\n' "${o_epoch[@]}" | best)
ol=$(printf '%s\n' "${o_load[@]}" | best)
echo "dtype: $dtype, threads: $threads, rounds: $rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "optlab:  $oe s/epoch; load ${ol} s; peak RSS $(printf '%s\n' "${o_rss[@]}" | sort -g | tail -n1) MB (all: ${o_epoch[*]} / ${o_load[*]} / ${o_rss[*]})"
if [ "$dtype" = float32 ]; then
  o64=$(printf '%s\n' "${o64_epoch[@]}" | best)
  echo "optlab float64: $o64 s/epoch (all: ${o64_epoch[*]})"
  awk "BEGIN { printf \"speed-up optlab float32 over float64, epoch: %.2f\n\", $o64 / $oe }"
fi
if [ "${#t_epoch[@]}" -gt 0 ]; then
  te=$(printf '%s\n' "${t_epoch[@]}" | best)
  tl=$(printf '%s\n' "${t_load[@]}" | best)
  echo "pytorch: $te s/epoch; load ${tl} s (gzip + numpy; all: ${t_epoch[*]} / ${t_load[*]})"
  awk "BEGIN { printf \"ratio optlab / pytorch ($dtype), epoch: %.2f\n\", $oe / $te }"
else
  echo "pytorch: not installed, skipped"
fi
