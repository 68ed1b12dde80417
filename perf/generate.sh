#!/usr/bin/env bash
# Fills a database for the load test: perf/generate.sh [patrons] [database]
# Defaults: 1,000,000 patrons into the database celianet_perf on localhost:5432 (created and migrated by
# starting Celianet against it once, which this script does for you if the schema is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
PATRONS=${1:-1000000}
DB=${2:-celianet_perf}
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q)

if ! "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
fi
if ! "${PSQL[@]}" -d "$DB" -tAc "SELECT to_regclass('patron') IS NOT NULL" | grep -q t; then
  echo "Migrating $DB with Flyway (starting Celianet once)…"
  ./mvnw -q -B -DskipTests package
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:5432/$DB" SPRING_DATASOURCE_USERNAME="${PGUSER:-postgres}" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-postgres}" timeout 120 java -jar target/celianet-*.jar \
    --spring.main.web-application-type=none >/dev/null &
  for _ in $(seq 1 120); do
    "${PSQL[@]}" -d "$DB" -tAc "SELECT to_regclass('patron') IS NOT NULL" 2>/dev/null | grep -q t && break
    sleep 1
  done
  sleep 3; kill %1 2>/dev/null || true; wait 2>/dev/null || true
fi
start=$(date +%s)
"${PSQL[@]}" -d "$DB" -v patrons="$PATRONS" -f perf/generate-data.sql
for extra in perf/generate-institutions.sql perf/generate-bookclubs.sql; do
  [[ -f $extra ]] && "${PSQL[@]}" -d "$DB" -f "$extra"
done
echo "Generated $PATRONS patrons into $DB in $(( $(date +%s) - start )) s"
