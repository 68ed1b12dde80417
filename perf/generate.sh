#!/usr/bin/env bash
# Fills a database for the load test: perf/generate.sh [patrons] [database]
# Defaults: 1,000,000 patrons into the database celianet_perf on localhost:5432 (created and migrated by
# starting Celianet against it once, which this script does for you if the schema is missing).
# Identity codes are sealed as Celianet seals them, under the data keys in CELIANET_DATA_KEYS if it is set, else
# those in perf/.data-keys (made on the first run, kept out of git): start Celianet, and the load test, with
# CELIANET_DATA_KEYS="$(cat perf/.data-keys)".
set -euo pipefail
cd "$(dirname "$0")/.."
PATRONS=${1:-1000000}
DB=${2:-celianet_perf}
source perf/lib.sh
KEYS_FILE=perf/.data-keys

if [[ ! -f target/classes/fi/celia/celianet/sealing/DataSealing.class ]]; then
  ./mvnw -q -B -DskipTests package
fi
if [[ -z ${CELIANET_DATA_KEYS:-} ]]; then
  if [[ ! -f $KEYS_FILE ]]; then
    (umask 077 && java -cp target/classes perf/SealIdentityCodes.java --new-keys > "$KEYS_FILE")
    echo "New data keys for the load test in $KEYS_FILE"
  fi
  CELIANET_DATA_KEYS=$(cat "$KEYS_FILE")
  echo "Sealing under the keys in $KEYS_FILE: start Celianet with CELIANET_DATA_KEYS=\"\$(cat $KEYS_FILE)\""
fi
export CELIANET_DATA_KEYS

if ! "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
fi
if ! "${PSQL[@]}" -d "$DB" -tAc "SELECT to_regclass('patron') IS NOT NULL" | grep -q t; then
  echo "Migrating $DB with Flyway (starting Celianet once)…"
  ./mvnw -q -B -DskipTests package
  migrate "$DB"
fi
start=$(date +%s)
# The clear codes go from PostgreSQL through the sealing program and come back sealed, in one pipe: the database
# only ever holds them sealed (PostgreSQL's pgcrypto has no AES-GCM, so Celianet's own code seals them).
"${PSQL[@]}" -d "$DB" -c "DROP TABLE IF EXISTS perf_sealed_identity_code" \
  -c "CREATE UNLOGGED TABLE perf_sealed_identity_code (g int, id uuid, sealed bytea, key text, index bytea, index_key text)"
"${PSQL[@]}" -d "$DB" -v patrons="$PATRONS" -f perf/identity-codes.sql \
  | java -cp target/classes perf/SealIdentityCodes.java \
  | "${PSQL[@]}" -d "$DB" -c "COPY perf_sealed_identity_code FROM STDIN (FORMAT csv)"
"${PSQL[@]}" -d "$DB" -c "ANALYZE perf_sealed_identity_code"
echo "Sealed $PATRONS identity codes in $(( $(date +%s) - start )) s"
part() {
  local name=$1 file=$2 t=$SECONDS
  "${PSQL[@]}" -d "$DB" -v patrons="$PATRONS" -f "$file"
  echo "Part $name: $(( SECONDS - t )) s"
}
part "patrons, libraries and accounts" perf/generate-data.sql
# In this order: the audit trail names the institutions' staff, the mail log the maintenance windows.
part "institutions and applications" perf/generate-institutions.sql
part "book clubs" perf/generate-bookclubs.sql
part "maintenance windows and notices" perf/generate-maintenance.sql
part "sent mail" perf/generate-mail.sql
part "audit trail" perf/generate-audit.sql
t=$SECONDS
"${PSQL[@]}" -d "$DB" -c "ANALYZE"
echo "Part ANALYZE: $(( SECONDS - t )) s"
echo "Generated $PATRONS patrons into $DB in $(( $(date +%s) - start )) s"
