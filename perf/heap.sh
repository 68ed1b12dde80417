#!/usr/bin/env bash
# The mixed librarian load with a small heap against the same load with a large one, in one run:
# perf/heap.sh [database] [simulation options…]
#
# Starts Celianet with -Xmx1g, runs LibrarianMixSimulation, stops it; starts it with -Xmx256m and runs the same
# again; prints each request's p95 at both sizes and their ratio, and the failed requests (target: none at 256m,
# p95 within 15 % of 1g). Celianet as the README's Load test step 2 says; options go to both runs, e.g.
# -Dduration=60 -Dwarmup=30. Ports: CELIANET_PORT (8080), SMTP_PORT (2525).
set -euo pipefail
cd "$(dirname "$0")/.."
source perf/lib.sh
DB=${1:-celianet_perf}
shift || true
OPTIONS=("$@")
PORT=${CELIANET_PORT:-8080}
SMTP_PORT=${SMTP_PORT:-2525}
OUT=target/heap
mkdir -p "$OUT"
data_keys
generated "$DB"
if listening "$PORT"; then echo "Port $PORT is taken: stop what listens there or set CELIANET_PORT" >&2; exit 1; fi
./mvnw -q -B -Pperf -DskipTests package

started=()
trap 'for pid in "${started[@]}"; do halt "$pid"; done' EXIT
if ! listening "$SMTP_PORT"; then
  perf/mail-sink.py "$SMTP_PORT" >"$OUT/mail-sink.log" 2>&1 &
  started+=($!)
fi

reports=()
for heap in 1g 256m; do
  celianet "$PORT" "$DB" "$SMTP_PORT" "$OUT/celianet-$heap.log" "-Xmx$heap"
  started+=("$CELIANET_PID")
  answering "$PORT" "$OUT/celianet-$heap.log"
  touch "$OUT/$heap.started"
  echo "Running LibrarianMixSimulation at -Xmx$heap…"
  ./mvnw -q -B -Pperf gatling:test -Dgatling.simulationClass=fi.celia.celianet.perf.LibrarianMixSimulation \
    -Dbase.url="http://localhost:$PORT" -Djdbc.url="jdbc:postgresql://localhost:5432/$DB" "${OPTIONS[@]}" \
    >"$OUT/simulation-$heap.log" 2>&1 || echo "  (the run at -Xmx$heap missed an assertion or failed: $OUT/simulation-$heap.log)"
  dir=$(ls -dt target/gatling/librarianmixsimulation-* | head -1)
  [[ $dir -nt "$OUT/$heap.started" ]] || { echo "No report: $OUT/simulation-$heap.log" >&2; exit 1; }
  reports+=("$dir")
  halt "$CELIANET_PID"
done
python3 perf/heap-report.py "${reports[@]}" | tee "$OUT/table.txt"
