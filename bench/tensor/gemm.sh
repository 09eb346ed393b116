#!/usr/bin/env bash
# GEMM GFLOP/s on the Fashion-MNIST MLP's shapes (784-256-10, batch 128): optlab's product
# kernels (GemmBench.java, compiled here against the jar) against PyTorch's torch.mm, the same
# five products of a training step, both on THREADS threads, in DTYPE; best of ROUNDS rounds.
#   bash bench/tensor/gemm.sh [THREADS] [DTYPE] [ROUNDS]     (defaults 1, float64, 7)
# Prints each product's GFLOP/s on both sides and the ratio optlab / PyTorch, and the ratio of
# the whole step's products (their FLOPs over their summed times).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
threads="${1:-1}"
dtype="${2:-float64}"
rounds="${3:-7}"
./optlab --version >/dev/null 2>&1   # builds the jar if needed
java_bin="$(cat target/.java-path)"
javac_bin="$(dirname "$java_bin")/javac"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$javac_bin" -nowarn --add-modules jdk.incubator.vector -cp target/optlab.jar -d "$dir" \
  bench/tensor/GemmBench.java 2>&1 | grep -v -i "incubat\|^1 warning\|^warning" || true
"$java_bin" -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp "$dir:target/optlab.jar" \
  dev.optlab.tensor.GemmBench "$threads" "$dtype" "$rounds" 2>/dev/null > "$dir/optlab.tsv"
python=/usr/bin/python3
if ! "$python" -c "import torch" 2>/dev/null; then
  echo "pytorch: not installed, skipped"
  awk -F'\t' '{ printf "%-22s optlab %6.1f GFLOP/s\n", $1, $2 / $3 / 1e9 }' "$dir/optlab.tsv"
  exit 0
fi
"$python" bench/tensor/gemm_torch.py "$threads" "$dtype" "$rounds" > "$dir/torch.tsv"
echo "GEMM, $dtype, $threads thread(s), best of $rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
paste "$dir/optlab.tsv" "$dir/torch.tsv" | awk -F'\t' '
  { o = $2 / $3 / 1e9; t = $5 / $6 / 1e9; fl += $2; ot += $3; tt += $6
    printf "%-22s optlab %6.1f GFLOP/s  pytorch %6.1f GFLOP/s  ratio %.2f\n", $1, o, t, o / t }
  END { printf "%-22s optlab %6.1f GFLOP/s  pytorch %6.1f GFLOP/s  ratio %.2f\n", "a step'"'"'s products",
        fl / ot / 1e9, fl / tt / 1e9, tt / ot }'
