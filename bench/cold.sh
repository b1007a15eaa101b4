#!/usr/bin/env bash
# A cold conformance run, as a user starts it: a fresh JVM (no Maven) running the whole suite with full
# reports against the reference sandbox started alone in another JVM. Several runs; the median wall
# time, CPU time (user + sys), peak memory (max RSS), the requests the run sent and CPU per request.
# Then `mvn -o -Pconformance verify` once on the built tree.
# Usage: bench/cold.sh [runs]   (default 5). Needs Java 17, Maven and /usr/bin/time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/classes:$(cat target/bench-classpath.txt)"
work="$(mktemp -d)"
java -cp "$cp" com.obkit.sandbox.SandboxMain --port 0 > "$work/sandbox.log" 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  url="$(grep -o 'listening on http://[^ ]*' "$work/sandbox.log" | head -1 | cut -d' ' -f3 || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/sandbox.log"; exit 1; }
# The sandbox is on loopback: no settling time between a consent and its scaRedirect (the 1 s default
# against a bank that is not embedded would add a second per PSU login and measure nothing).
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$i" \
    java -cp "$cp" com.obkit.cli.KitMain --set "kit.baseUrl=$url" --set "kit.reports=$work/reports-$i" \
      --set "kit.sca.settleDelay=0s" \
    > "$work/run-$i.log" 2>&1 || true
  grep -q '^VERDICT: CONFORMANT' "$work/run-$i.log" || { tail -20 "$work/run-$i.log"; exit 1; }
  # Every request and every response is one HTML attachment in the Allure results.
  echo $(( $(ls "$work/reports-$i/allure-results" | grep -c 'attachment.html$') / 2 )) > "$work/requests-$i"
done
python3 - "$work" "$runs" <<'PY'
import statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
rows = []
for i in range(1, runs + 1):
    wall, user, sys_, rss = open(f"{work}/time-{i}").read().split()
    rows.append((float(wall), float(user) + float(sys_), int(rss) / 1024, int(open(f"{work}/requests-{i}").read())))
med = lambda k: statistics.median(r[k] for r in rows)
print(f"cold runs: {runs}; requests per run: {rows[0][3]}")
print(f"median wall {med(0):.2f} s, CPU {med(1):.2f} s, peak RSS {med(2):.0f} MB, "
      f"CPU per request {1000 * med(1) / rows[0][3]:.1f} ms")
PY
start=$(date +%s.%N)
mvn -q -B -o -Pconformance verify > "$work/maven.log" 2>&1 || { tail -20 "$work/maven.log"; exit 1; }
end=$(date +%s.%N)
python3 -c "print('mvn -o -Pconformance verify on the built tree: %.1f s' % ($end - $start))"
