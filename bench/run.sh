#!/usr/bin/env bash
# The benchmark report (bench/README.md): builds optlab and the benchmarks (the `bench` Maven
# profile), then measures optlab against its references in one run and prints ratios.
#   bench/run.sh [--quick] [--only a,b,c,d,e,f,g,h] the report (e: optimizer kernels over 10M parameters,
#                                               f: sweeps: speed-up on 2 threads, cost per trial,
#                                               g: tensors, Fashion-MNIST against PyTorch: epoch in
#                                               float64/float32 on 1 and 2 threads, GEMM GFLOP/s,
#                                               load time, peak RSS, 1 GB CSV; only when asked for,
#                                               about 20 minutes: bench/tensor/report.sh),
#                                               h: user-defined rules: Adam as a rule against
#                                               the built-in, Lion against PyTorch)
#   bench/run.sh --jmh [REGEX] [JMH OPTIONS]    JMH on the benchmarks (default: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
# The launcher builds the jar (and its start-up cache) when needed and remembers the JDK it chose.
./optlab --version >/dev/null
java_bin="$(cat target/.java-path)"
echo "bench: compiling the benchmarks (mvn -Pbench)" >&2
# Quiet when it works; Maven's errors when it does not (a benchmark that no longer compiles).
if ! log="$(mvn -q -B -Pbench -DskipTests -Dstyle.color=never test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath \
  2>&1)"; then
  echo "$log" >&2
  echo "bench: the benchmarks do not compile" >&2
  exit 1
fi
cp="target/test-classes:target/optlab.jar:$(cat target/bench.classpath)"
# The flags the launcher runs optlab with, so both sides of a ratio run on the same JVM settings.
flags=(-XX:+UseSerialGC -Xss4m --add-modules jdk.incubator.vector)
if [ "${1:-}" = "--jmh" ]; then
  shift
  # -foe true: without it JMH exits 0 when a benchmark throws.
  exec "$java_bin" -cp "$cp" org.openjdk.jmh.Main -foe true -jvmArgs "${flags[*]}" "$@"
fi
# Section g is shell scripts (bench/tensor/report.sh), run after the Java report's sections.
args=() tensors=0 java=1 rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --only)
      letters="${2//,/}"
      if [[ "$letters" == *g* ]]; then tensors=1; fi
      letters="${letters//g/}"
      if [ -z "$letters" ]; then java=0; else args+=(--only "$letters"); fi
      shift 2;;
    --quick) rounds=1; args+=("$1"); shift;;
    *) args+=("$1"); shift;;
  esac
done
if [ "$java" = 1 ]; then
  "$java_bin" "${flags[@]}" -cp "$cp" dev.optlab.bench.Report "${args[@]}"
fi
if [ "$tensors" = 1 ]; then
  echo
  echo "## g: tensors (bench/tensor/report.sh)"
  bash bench/tensor/report.sh "$rounds"
fi
