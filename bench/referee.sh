#!/usr/bin/env bash
# What the OAS-1 referee costs: building it from the sandbox's two OpenAPI documents (once per run)
# and judging answers, in ms per 1000 answers (after as many warm-up answers).
# Usage: bench/referee.sh [answers per case, default 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.obkit.openapi.RefereeBenchmark -Dexec.args="${1:-20000}"
