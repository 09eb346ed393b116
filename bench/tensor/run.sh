#!/usr/bin/env bash
# Digits MLP (64-128-10, batch 32, Adam, float64), milliseconds per epoch: optlab against
# PyTorch on this machine, both on one thread. PyTorch is skipped when it is not installed.
# Run from anywhere: bash bench/tensor/run.sh [ROUNDS]   (ROUNDS: repetitions, default 3; the
# best time of each side is reported, as the machine may be shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
./optlab --version >/dev/null   # builds the jar if needed
best_optlab=""
for _ in $(seq "$rounds"); do
  # The last of the three runs in the script is the warm one; its closing line has the time.
  ms=$(./optlab bench/tensor/digits_mlp.opt | grep -o '([0-9.]* m\?s)' | tail -n1 \
    | awk '{ v = substr($1, 2); if ($2 ~ /^s/) v *= 1000; printf "%.2f", v / 20 }')
  if [ -z "$best_optlab" ] || awk "BEGIN { exit !($ms < $best_optlab) }"; then best_optlab=$ms; fi
done
echo "optlab:  $best_optlab ms/epoch"
python=/usr/bin/python3
if [ -x "$python" ] && "$python" -c "import torch" 2>/dev/null; then
  best_torch=""
  for _ in $(seq "$rounds"); do
    ms=$("$python" bench/tensor/digits_torch.py)
    if [ -z "$best_torch" ] || awk "BEGIN { exit !($ms < $best_torch) }"; then best_torch=$ms; fi
  done
  echo "pytorch: $best_torch ms/epoch ($("$python" -c 'import torch; print(torch.__version__)'), 1 thread)"
  awk "BEGIN { printf \"ratio optlab / pytorch: %.2f\n\", $best_optlab / $best_torch }"
else
  echo "pytorch: not installed, skipped"
fi
