#!/usr/bin/env bash
# Celianet against the framework's own floor, in one run: perf/compare.sh [database] [simulation options…]
#
# Builds Celianet and the floor application (src/perf/floor: Celianet's starters and settings doing the least each
# request needs), starts both (Celianet as the README's Load test step 2 says, on the database given, default
# celianet_perf, filled by perf/generate.sh; the floor on celianet_floor, created here if missing) and a mail sink,
# runs each simulation against Celianet and its counterpart against the floor back to back, reads Gatling's own
# report of each run and prints, for each request, p50 and p95 on both and the ratio of the p95s (and of the
# status API's throughput). Options go to every simulation, e.g. -Dduration=20 -Dwarmup=10.
# Ports: CELIANET_PORT (8080), FLOOR_PORT (8081), SMTP_PORT (2525).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-celianet_perf}
shift || true
OPTIONS=("$@")
CELIANET_PORT=${CELIANET_PORT:-8080}
FLOOR_PORT=${FLOOR_PORT:-8081}
SMTP_PORT=${SMTP_PORT:-2525}
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q)
OUT=target/compare
mkdir -p "$OUT"

if [[ -z ${CELIANET_DATA_KEYS:-} ]]; then
  [[ -f perf/.data-keys ]] || { echo "No perf/.data-keys: fill the database with perf/generate.sh first" >&2; exit 1; }
  CELIANET_DATA_KEYS=$(cat perf/.data-keys)
fi
export CELIANET_DATA_KEYS
if ! "${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) > 0 FROM patron" 2>/dev/null | grep -q t; then
  echo "$DB has no patrons: run perf/generate.sh first (e.g. perf/generate.sh 100000 $DB)" >&2
  exit 1
fi
if ! "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'celianet_floor'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE celianet_floor"
fi

echo "Building Celianet and the floor…"
# Celianet's jar as the README's step 2 builds it; -Pperf compiles the simulations too (the jar is the same).
./mvnw -q -B -Pperf -DskipTests package
./mvnw -q -B -f src/perf/floor/pom.xml -DskipTests package

started=()
stop() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$CELIANET_PORT" "$FLOOR_PORT"; do
  if listening "$port"; then echo "Port $port is taken: stop what listens there or set CELIANET_PORT/FLOOR_PORT" >&2; exit 1; fi
done
if ! listening "$SMTP_PORT"; then
  perf/mail-sink.py "$SMTP_PORT" >"$OUT/mail-sink.log" 2>&1 &
  started+=($!)
fi
PORT=$CELIANET_PORT SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD=postgres SERVER_SERVLET_SESSION_COOKIE_SECURE=false SMTP_PORT=$SMTP_PORT \
  CELIANET_SECURITY_SECOND_FACTOR_ROLES= CELIANET_SECURITY_SIGN_IN_PER_NAME_AND_ADDRESS=1000000 \
  CELIANET_SECURITY_SIGN_IN_PER_ADDRESS=1000000 CELIANET_IDENTITY_CODE_SEARCHES_PER_DAY=100000000 \
  java -Xmx1g -jar target/celianet-*.jar >"$OUT/celianet.log" 2>&1 &
started+=($!)
FLOOR_PORT=$FLOOR_PORT java -Xmx1g -jar src/perf/floor/target/celianet-floor.jar >"$OUT/floor.log" 2>&1 &
started+=($!)
for port in "$CELIANET_PORT" "$FLOOR_PORT"; do
  for _ in $(seq 180); do
    curl -fs -o /dev/null "http://localhost:$port/api/status" && break
    sleep 1
  done
  curl -fs -o /dev/null "http://localhost:$port/api/status" || {
    echo "Nothing answers on port $port: see $OUT/celianet.log and $OUT/floor.log" >&2
    exit 1
  }
done

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
run() {
  touch "$OUT/$1.started" "$OUT/$2.started"
  simulate "$1" -Dbase.url="http://localhost:$CELIANET_PORT" -Djdbc.url="jdbc:postgresql://localhost:5432/$DB"
  simulate "$2" -Dfloor.url="http://localhost:$FLOOR_PORT"
}
mapfile -t reports < <(
  run LibrarianMixSimulation FloorMixSimulation
  run RegistrationSimulation FloorRegistrationSimulation
  run StatusSimulation FloorStatusSimulation
  run PagesSimulation FloorPagesSimulation
)
python3 perf/compare-report.py "${reports[@]}" "${OPTIONS[@]}" | tee "$OUT/table.txt"
