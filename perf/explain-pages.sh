#!/usr/bin/env bash
# The database's own time for each page: perf/explain-pages.sh <database> [port]
#
# For every page in perf/pages.tsv, the time PostgreSQL itself spends on all the statements the page's request runs,
# and every sequential scan on a table of more than 10,000 rows (pg_class.reltuples). For the database given only,
# it turns on auto_explain (EXPLAIN ANALYZE of every statement, JSON) and log_min_duration_statement = 0 (the
# parse, bind and execute time of every statement, planning included), starts Celianet on it as the README's Load
# test step 2 says, but with its scheduled jobs still and a small pool (it connects after the settings, so they
# apply), signs each page's account in, requests each page WARMUP times unmeasured and then ROUNDS times measured, each request between two marker statements
# (SELECT 'perf-mark:…' from psql, also logged), stops Celianet and resets the settings. The server log's lines of
# that database since the start go to target/compare/explain-<database>.log, and perf/explain-report.py turns them
# into target/compare/explain-<database>.txt (the table, also printed) and explain-<database>.json.
# Two sizes side by side: perf/explain-report.py compare target/compare/explain-<a>.json target/compare/explain-<b>.json
#
# Needs a superuser (PGUSER, default postgres) and read access to the server log (PG_LOG, default the newest file
# in /var/log/postgresql; with logging_collector on, the current file of log_directory). Port: the argument, else
# CELIANET_PORT, else 8080. WARMUP (1), ROUNDS (5), SMTP_PORT (2525; perf/mail-sink.py is started there if nothing
# listens, unless MAIL_SINK=no: the pages send no mail).
set -euo pipefail
cd "$(dirname "$0")/.."
source perf/lib.sh
DB=${1:?usage: perf/explain-pages.sh <database> [port]}
PORT=${2:-${CELIANET_PORT:-8080}}
SMTP_PORT=${SMTP_PORT:-2525}
WARMUP=${WARMUP:-1}
ROUNDS=${ROUNDS:-5}
OUT=target/compare
mkdir -p "$OUT"
PASSWORD=celianet-perf

data_keys

# The server log: the collector's current file, else the newest in /var/log/postgresql.
if [[ -z ${PG_LOG:-} ]]; then
  if [[ $("${PSQL[@]}" -d postgres -tAc "SHOW logging_collector") == on ]]; then
    PG_LOG=$("${PSQL[@]}" -d postgres -tAc "SELECT setting FROM pg_settings WHERE name = 'data_directory'")/$(
      "${PSQL[@]}" -d postgres -tAc "SELECT pg_current_logfile('stderr')")
  else
    PG_LOG=$(ls -t /var/log/postgresql/*.log 2>/dev/null | head -1)
  fi
fi
[[ -r ${PG_LOG:-} ]] || { echo "Cannot read the server log (${PG_LOG:-none}): set PG_LOG" >&2; exit 1; }
generated "$DB"
[[ $(ls target/celianet-*.jar 2>/dev/null | wc -l) -gt 0 ]] || ./mvnw -q -B -DskipTests package

if listening "$PORT"; then echo "Port $PORT is taken: give another port" >&2; exit 1; fi

SETTINGS=(session_preload_libraries auto_explain.log_min_duration auto_explain.log_analyze auto_explain.log_format
  auto_explain.log_buffers log_min_duration_statement)
started=()
stop() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
  for setting in "${SETTINGS[@]}"; do
    "${PSQL[@]}" -d postgres -c "ALTER DATABASE \"$DB\" RESET $setting" || true
  done
  rm -rf "$COOKIES"
}
COOKIES=$(mktemp -d)
trap stop EXIT

# Nested statements (inside functions) stay out: their time is already in the statement that calls them.
"${PSQL[@]}" -d postgres \
  -c "ALTER DATABASE \"$DB\" SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE \"$DB\" SET auto_explain.log_min_duration = 0" \
  -c "ALTER DATABASE \"$DB\" SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE \"$DB\" SET auto_explain.log_buffers = on" \
  -c "ALTER DATABASE \"$DB\" SET auto_explain.log_format = json" \
  -c "ALTER DATABASE \"$DB\" SET log_min_duration_statement = 0"
LOG_START=$(stat -c %s "$PG_LOG")

if [[ ${MAIL_SINK:-yes} != no ]] && ! listening "$SMTP_PORT"; then
  perf/mail-sink.py "$SMTP_PORT" >"$OUT/explain-mail-sink.log" 2>&1 &
  started+=($!)
fi
# The scheduled jobs stay still (their statements would land among a page's): a day before the first poll or
# freeze, no cron at all. One request at a time needs few connections.
QUIET=(--spring.datasource.hikari.maximum-pool-size=4 --celianet.mail.poll-interval=1d --celianet.bookclubs.freeze-initial-delay=1d
  --celianet.institutions.digest-cron=- --celianet.maintenance.announce-cron=- --celianet.retention.cron=-
  --spring.session.jdbc.cleanup-cron=-)
celianet "$PORT" "$DB" "$SMTP_PORT" "$OUT/explain-celianet.log" -Xmx1g -- "${QUIET[@]}"
started+=("$CELIANET_PID")
BASE=http://localhost:$PORT
answering "$PORT" "$OUT/explain-celianet.log"

# Signs the account in (GET /login for the CSRF token, POST the form); the cookie jar keeps its session.
sign_in() {
  local account=$1 jar=$COOKIES/$1 csrf status
  [[ -f $jar ]] && return 0
  csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "username=$account" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
  if [[ $status != 302 ]] || [[ $(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$BASE/") != 200 ]]; then
    echo "Cannot sign $account in (POST /login gave $status)" >&2
    return 1
  fi
}
# A marker in the log; tried again while the server has no connection to spare.
mark() {
  local try
  for try in 1 2 3 4 5 6 7 8 9 10; do
    "${PSQL[@]}" -d "$DB" -tAc "SELECT 'perf-mark:$1'" >/dev/null 2>&1 && return 0
    sleep 1
  done
  "${PSQL[@]}" -d "$DB" -tAc "SELECT 'perf-mark:$1'" >/dev/null
}

mark "run:$DB"
while IFS=$'\t' read -r name account path _; do
  [[ -z $name || $name == \#* ]] && continue
  if [[ $path == SELECT* ]]; then
    # the query's first column is the path (a second one, what the page shows, is the load test's)
    path=$({ "${PSQL[@]}" -d "$DB" -tAc "$path" 2>/dev/null || { sleep 2; "${PSQL[@]}" -d "$DB" -tAc "$path"; }; } | head -1 | cut -d'|' -f1)
    [[ -n $path ]] || { echo "$name: its query gives no path, skipped" >&2; mark "skip:$name:no-path"; continue; }
  fi
  sign_in "$account" || { mark "skip:$name:sign-in"; continue; }
  echo "$name ($account) $path" >&2
  for i in $(seq $((WARMUP + ROUNDS))); do
    kind=measured
    ((i <= WARMUP)) && kind=warm-up
    mark "begin:$name:$i:$kind"
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES/$account" -c "$COOKIES/$account" "$BASE$path")
    # Work that finishes just after the response (session write, events) still belongs to the page.
    sleep 0.3
    mark "end:$name:$i:$kind:$status"
  done
done <perf/pages.tsv
mark "done:$DB"
sleep 1

# The log since the start, this database's lines only (a log line starts with its time; continuations with a tab).
tail -c +"$((LOG_START + 1))" "$PG_LOG" | awk -v db="@$DB " '
  /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { keep = index($0, db) > 0 }
  keep' >"$OUT/explain-$DB.log"
# Each table's size: the planner's estimate (pg_class.reltuples) and, for the application's tables, the exact count
# (the estimate is stale after a bulk load that no ANALYZE followed).
"${PSQL[@]}" -d "$DB" -tAF $'\t' >"$OUT/explain-$DB.reltuples.tsv" <<'SQL'
SELECT relname, reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE relkind IN ('r', 'p', 'm') AND nspname IN ('pg_catalog', 'information_schema');
SELECT format('SELECT %L, %s, count(*) FROM %I.%I', relname, reltuples::bigint, nspname, relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE relkind IN ('r', 'p', 'm') AND nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_%'
\gexec
SQL
python3 perf/explain-report.py report "$DB" "$OUT/explain-$DB.log" "$OUT/explain-$DB.reltuples.tsv"
