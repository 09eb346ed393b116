#!/usr/bin/env bash
# A real fuzzing campaign (the hardening issue's "fuzzing that stays"): Jazzer's coverage-guided
# fuzzer on each target for DURATION (default 10m), one JVM per target. `mvn verify` only replays
# the committed corpus (src/test/resources/dev/optlab/fuzz/*Inputs/); what a campaign finds
# interesting stays in .cifuzz-corpus/ (ignored by git), and a crash is written as a reproducer
# into the target's Inputs directory, where it becomes a regression test: fix it, keep the file.
#   bench/fuzz.sh [DURATION]          e.g. bench/fuzz.sh 30s, bench/fuzz.sh 1h
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
for target in ScriptFuzzTest CsvFuzzTest WeightsFuzzTest; do
  echo "fuzz: $target for $duration" >&2
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" mvn -q -B test -Dtest="$target" \
    -Djazzer.max_duration="$duration" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep -E "^(#[0-9]+ +DONE|Done |== Java Exception|INFO: Crash|FAIL)" || true
done
