#!/usr/bin/env bash
# CSV loading speed and memory (issue #12): optlab's streaming loader on a generated CSV of
# SIZE_MB megabytes (100 features of 6 decimals and an integer label per row), side by side with
# numpy.loadtxt (the reference, Debian's python3-numpy) on the same file. Prints MB/s, peak RSS and
# the ratio.   bench/tensor/csv_load.sh [SIZE_MB]     (default 100; 1000 for the 1 GB figure)
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-100}
file="${TMPDIR:-/tmp}/optlab-bench-${size}mb.csv"
if [ ! -f "$file" ]; then
  /usr/bin/python3 - "$file" "$size" <<'PY'
import random, sys
random.seed(0)
path, limit = sys.argv[1], int(sys.argv[2]) * 1_000_000
with open(path, "w") as f:
    f.write(",".join(f"p{i}" for i in range(100)) + ",label\n")
    block = []
    for _ in range(10_000):
        block.append(",".join(f"{random.random():.6f}" for _ in range(100)) + f",{random.randint(0, 9)}\n")
    block = "".join(block)
    written = 0
    while written < limit:
        f.write(block)
        written += len(block)
PY
fi
bytes=$(stat -c %s "$file")
script="$(mktemp "${TMPDIR:-/tmp}/csvload.XXXXXX.opt")"
trap 'rm -f "$script"' EXIT
printf 'data big = csv("%s", target = "label")\n' "$file" > "$script"
./optlab --version >/dev/null 2>&1
t0=$(date +%s.%N); OPTLAB_HEAP=${OPTLAB_HEAP:-4g} /usr/bin/time -f "%M" -o /tmp/optlab-rss ./optlab "$script" 2>/dev/null; t1=$(date +%s.%N)
optlab_s=$(echo "$t1 - $t0" | bc -l); optlab_rss=$(cat /tmp/optlab-rss)
t0=$(date +%s.%N); /usr/bin/time -f "%M" -o /tmp/numpy-rss /usr/bin/python3 -c "
import numpy, sys; a = numpy.loadtxt(sys.argv[1], delimiter=',', skiprows=1); print(a.shape, file=sys.stderr)" "$file"; t1=$(date +%s.%N)
numpy_s=$(echo "$t1 - $t0" | bc -l); numpy_rss=$(cat /tmp/numpy-rss)
printf 'file: %s (%d MB)\n' "$file" $((bytes / 1000000))
printf 'optlab  %6.2f s  %6.0f MB/s  peak RSS %5d MB  (whole run, JVM start-up included)\n' "$optlab_s" "$(echo "$bytes / 1000000 / $optlab_s" | bc -l)" $((optlab_rss / 1024))
printf 'numpy   %6.2f s  %6.0f MB/s  peak RSS %5d MB  (numpy.loadtxt)\n' "$numpy_s" "$(echo "$bytes / 1000000 / $numpy_s" | bc -l)" $((numpy_rss / 1024))
printf 'ratio   optlab is %.1fx as fast as numpy.loadtxt\n' "$(echo "$numpy_s / $optlab_s" | bc -l)"
