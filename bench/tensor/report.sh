#!/usr/bin/env bash
# Section g of bench/run.sh (issue #12): everything the Fashion-MNIST speed section of the README
# reports, in one go. The MLP 784-256-10's epoch against PyTorch in float64 and float32 on 1 and 2
# threads (fashion.sh, which also reports the load of the 60,000 images and optlab's peak resident
# set), the GEMM GFLOP/s on the network's shapes against torch.mm (gemm.sh), and the streaming
# CSV loader on a 1 GB file (csv_load.sh). About 20 minutes on 2 cores (Debian's PyTorch takes
# ~15 s an epoch in float64); run it on a quiet machine (`uptime`).
#   bash bench/tensor/report.sh [ROUNDS]     (default 2)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-2}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
  for dtype in float64 float32; do
    echo
    bash bench/tensor/fashion.sh "$rounds" "$threads" "$dtype"
  done
done
for threads in 1 2; do
  for dtype in float64 float32; do
    echo
    bash bench/tensor/gemm.sh "$threads" "$dtype"
  done
done
echo
bash bench/tensor/csv_load.sh 1000
