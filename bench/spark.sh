#!/usr/bin/env bash
# The Spark benchmark (docs/spark.md; not a test): a sweep of short scalar runs on the local
# pool (2 threads) against a loopback standalone cluster (a master and 2 workers of 1 core,
# started here), as trials/s and their ratio, and Spark's overhead per trial.
#   bench/spark.sh [TRIALS [STEPS]]   (default 400 trials of 20,000 steps)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "bench: building the core and optlab-spark (mvn install, then spark test-compile)" >&2
if ! log="$(mvn -q -B -DskipTests -Dstyle.color=never install 2>&1 \
  && mvn -q -B -Dstyle.color=never -f spark/pom.xml test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
java_bin="$(cat target/.java-path 2>/dev/null || true)"
[ -x "$java_bin" ] || java_bin="$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java \
  2>/dev/null | head -n1)"
read -r -a opts <<<"$(sed -n 's|.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*|\1|p' \
  spark/pom.xml)"
exec "$java_bin" -Xss4m "${opts[@]}" \
  -cp "spark/target/test-classes:spark/target/classes:$(cat spark/target/bench.classpath)" \
  dev.optlab.spark.SparkBench "$@"
