#!/usr/bin/env bash
# Wall time of the whole conformance suite against the embedded reference sandbox, with full reports,
# measured in one JVM after a warm-up run (com.obkit.cli.Benchmark):
#   - 100 ms added to every answer, at parallelism 1 and 8 (what parallel runs buy where the bank is slow)
#   - no added latency, at parallelism 1 and 8
# Usage: bench/benchmark.sh [repetitions]   (default 3). Needs only Java 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-3}"
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# The suite's own per-scenario lines go to a log; the table goes to the terminal.
log="$(mktemp)"
java -cp "target/classes:$(cat target/bench-classpath.txt)" com.obkit.cli.Benchmark "$reps" > "$log" 2>&1 \
  || { tail -40 "$log"; exit 1; }
sed -n '/scenarios per run/,$p' "$log"
