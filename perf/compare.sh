#!/usr/bin/env bash
# Celianet against the framework's own floor, in one run: perf/compare.sh [database] [simulation options…]
#
# Builds Celianet and the floor application (src/perf/floor: Celianet's starters and settings doing the least each
# request needs), starts both (Celianet as the README's Load test step 2 says, on the database given, default
# celianet_perf, filled by perf/generate.sh; the floor on celianet_floor, created here if missing) and a mail sink,
# runs each simulation against Celianet and its counterpart against the floor back to back, reads Gatling's own
# report of each run and prints, for each request and page, p50 and p95 on both and the ratio of the p95s (and of
# the status API's throughput). Then, with both stopped, the database's own time for each page
# (perf/explain-pages.sh) on the smaller database SMALL_DB (default celianet_perf100k, skipped if it does not
# exist) and on the database given, side by side. Options go to every simulation, e.g. -Dduration=20 -Dwarmup=10.
# Ports: CELIANET_PORT (8080), FLOOR_PORT (8081), SMTP_PORT (2525). PROFILE=yes: async-profiler samples Celianet's
# CPU through the whole load (target/compare/profile.html, a flame graph, written when Celianet stops).
set -euo pipefail
cd "$(dirname "$0")/.."
source perf/lib.sh
DB=${1:-celianet_perf}
shift || true
OPTIONS=("$@")
CELIANET_PORT=${CELIANET_PORT:-8080}
FLOOR_PORT=${FLOOR_PORT:-8081}
SMTP_PORT=${SMTP_PORT:-2525}
OUT=target/compare
mkdir -p "$OUT"

SMALL_DB=${SMALL_DB:-celianet_perf100k}
data_keys
generated "$DB"
if ! "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'celianet_floor'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE celianet_floor"
fi

echo "Building Celianet and the floor…"
# Celianet's jar as the README's step 2 builds it; -Pperf compiles the simulations too (the jar is the same).
./mvnw -q -B -Pperf -DskipTests package
./mvnw -q -B -f src/perf/floor/pom.xml -DskipTests package

started=()
stop() {
  for pid in "${started[@]}"; do halt "$pid"; done
  started=()
}
trap stop EXIT

for port in "$CELIANET_PORT" "$FLOOR_PORT"; do
  if listening "$port"; then echo "Port $port is taken: stop what listens there or set CELIANET_PORT/FLOOR_PORT" >&2; exit 1; fi
done
if ! listening "$SMTP_PORT"; then
  perf/mail-sink.py "$SMTP_PORT" >"$OUT/mail-sink.log" 2>&1 &
  started+=($!)
fi
profile=()
[[ ${PROFILE:-no} == yes ]] && profile=("$(profiler "$OUT/profile.html")")
celianet "$CELIANET_PORT" "$DB" "$SMTP_PORT" "$OUT/celianet.log" -Xmx1g "${profile[@]}"
started+=("$CELIANET_PID")
FLOOR_PORT=$FLOOR_PORT java -Xmx1g -jar src/perf/floor/target/celianet-floor.jar >"$OUT/floor.log" 2>&1 &
started+=($!)
answering "$CELIANET_PORT" "$OUT/celianet.log"
answering "$FLOOR_PORT" "$OUT/floor.log"

# Runs one simulation; prints the directory of its report.
simulate() {
  local simulation=$1
  shift
  local dir
  echo "Running $simulation…" >&2
  ./mvnw -q -B -Pperf gatling:test -Dgatling.simulationClass="fi.celia.celianet.perf.$simulation" "$@" \
    "${OPTIONS[@]}" >"$OUT/$simulation.log" 2>&1 || echo "  ($simulation missed an assertion or failed: $OUT/$simulation.log)" >&2
  dir=$(ls -dt target/gatling/"${simulation,,}"-* 2>/dev/null | head -1)
  [[ -n $dir && $dir -nt "$OUT/$simulation.started" ]] || { echo "No report from $simulation: $OUT/$simulation.log" >&2; exit 1; }
  echo "$dir"
}
# run CELIANET_SIMULATION FLOOR_SIMULATION [options for both…]
run() {
  touch "$OUT/$1.started" "$OUT/$2.started"
  simulate "$1" -Dbase.url="http://localhost:$CELIANET_PORT" -Djdbc.url="jdbc:postgresql://localhost:5432/$DB" "${@:3}"
  simulate "$2" -Dfloor.url="http://localhost:$FLOOR_PORT" "${@:3}"
}
# The pages whose work grows with the data by nature (exempt from the 2x target, with a budget in
# docs/performance.md) run on their own after the others, so the others are not measured queued behind them.
EXEMPT=${EXEMPT_PAGES:-patron-list-csv|shipment-members-csv|shipment-labels-pdf|maintenance-audience-counts}
mapfile -t reports < <(
  run LibrarianMixSimulation FloorMixSimulation
  run RegistrationSimulation FloorRegistrationSimulation
  run StatusSimulation FloorStatusSimulation
  run PagesSimulation FloorPagesSimulation -Dpages.skip="$EXEMPT"
  run PagesSimulation FloorPagesSimulation -Dpages.only="$EXEMPT"
)
PAGES_SKIP=$EXEMPT python3 perf/compare-report.py "${reports[@]:0:8}" "${OPTIONS[@]}" | tee "$OUT/table.txt"
PAGES_ONLY=$EXEMPT PAGES_TITLE="The exempt pages on their own (budgets in docs/performance.md, no 2x target)" \
  python3 perf/compare-report.py "${reports[@]:8:2}" "${OPTIONS[@]}" | tee -a "$OUT/table.txt"

# The database's own time for each page, at both sizes, with Celianet and the floor stopped.
stop
explained=()
for db in "$SMALL_DB" "$DB"; do
  if [[ $db == "$SMALL_DB" ]] && ! "${PSQL[@]}" -d "$db" -tAc "SELECT 1" >/dev/null 2>&1; then
    echo "No $SMALL_DB: the database times at the smaller size are left out (set SMALL_DB)" >&2
    continue
  fi
  MAIL_SINK=no perf/explain-pages.sh "$db" "$CELIANET_PORT" >"$OUT/explain-$db.out" 2>&1 \
    || { echo "The database-time probe failed on $db: $OUT/explain-$db.out" >&2; continue; }
  explained+=("$OUT/explain-$db.json")
done
if ((${#explained[@]} == 2)); then
  python3 perf/explain-report.py compare "${explained[@]}" | tee -a "$OUT/table.txt" || true
elif ((${#explained[@]} == 1)); then
  tee -a "$OUT/table.txt" <"$OUT/explain-$DB.txt"
fi
