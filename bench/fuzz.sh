#!/usr/bin/env bash
# A real fuzzing campaign (the hardening issue's "fuzzing that stays"): Jazzer's coverage-guided
# fuzzer on each target for DURATION (default 10m), one JVM per target. `mvn verify` only replays
# the committed corpus (src/test/resources/dev/optlab/{fuzz,repl}/*Inputs/); what a campaign
# finds interesting stays in .cifuzz-corpus/ (ignored by git), and a crash is written as a
# reproducer into the target's Inputs directory, where it becomes a regression test: fix it,
# keep the file. Inputs are cut at FUZZ_MAX_LEN bytes (default 4096: the committed 80 KB and
# 1.5 MB reproducers would otherwise make every mutation that large and the campaign 5x slower).
#   bench/fuzz.sh [DURATION] [TARGET...]     e.g. bench/fuzz.sh 30s, bench/fuzz.sh 1h CsvFuzzTest
# Prints each target's executions, time and coverage; exits 1 if any target found something.
set -uo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ScriptFuzzTest ReplFuzzTest CsvFuzzTest WeightsFuzzTest)
mkdir -p target
status=0
for t in "${targets[@]}"; do
  log=target/fuzz-$t.log
  echo "fuzz: $t for $duration (log: $log)" >&2
  JAZZER_FUZZ=1 mvn -o -B test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="$duration" -Djazzer.internal.arg.0=fuzz \
    -Djazzer.internal.arg.1=-max_len="${FUZZ_MAX_LEN:-4096}" > "$log" 2>&1
  rc=$?
  grep -E "^#[0-9]+ +DONE|^Done [0-9]+ runs" "$log" | sed "s/^/  $t: /"
  if [ $rc -ne 0 ]; then
    status=1
    echo "  $t: FINDING (mvn exit $rc); the reproducer and the failure:" >&2
    grep -E "crash-|== Java Exception|AssertionFailedError|\[ERROR\].*(FAIL|Tests run)" "$log" \
      | head -20 >&2
  fi
done
exit $status
