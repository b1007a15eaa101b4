#!/usr/bin/env bash
# Wall time of the whole conformance suite against the embedded reference sandbox:
#   - with 100 ms added to every answer, at parallelism 1 and 8 (the speedup parallel runs buy where the bank is slow)
#   - with no added latency, at parallelism 1 and 8
# Usage: bench/benchmark.sh [repetitions]   (default 1). Needs only Java 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-1}"
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/classes:$(cat target/bench-classpath.txt)"
out="$(mktemp -d)"

run() { # latency parallelism -> seconds (best of $reps)
  local best=""
  for _ in $(seq "$reps"); do
    local start end secs
    start=$(date +%s.%N)
    java -cp "$cp" com.obkit.cli.KitMain \
      --set kit.sandbox.latency="$1" --set kit.parallelism="$2" --set kit.reports="$out/r-$1-$2" >"$out/log-$1-$2.txt" 2>&1 \
      || { echo "run latency=$1 parallelism=$2 failed, see $out/log-$1-$2.txt" >&2; exit 1; }
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    if [ -z "$best" ] || awk -v s="$secs" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$secs; fi
  done
  printf '%.1f' "$best"
}

echo "machine: $(nproc) cores; repetitions: $reps (best of)"
l1=$(run 100ms 1); l8=$(run 100ms 8); z1=$(run 0ms 1); z8=$(run 0ms 8)
count=$(grep -c '"location"' "$out/r-0ms-1/verdict.json" || true)
printf '%-32s %10s\n' "run ($count scenarios)" "wall (s)"
printf '%-32s %10s\n' "latency 100 ms, parallelism 1" "$l1"
printf '%-32s %10s\n' "latency 100 ms, parallelism 8" "$l8"
printf '%-32s %10s\n' "no latency,     parallelism 1" "$z1"
printf '%-32s %10s\n' "no latency,     parallelism 8" "$z8"
awk -v a="$l1" -v b="$l8" -v c="$z1" -v d="$z8" 'BEGIN { printf "speedup at 100 ms latency: %.1fx   without latency: %.1fx\n", a / b, c / d }'
