#!/usr/bin/env bash
# A maintenance announcement to a million recipients: how long PostgreSQL takes to queue it, and how many of its
# mails one Celianet instance and two instances deliver to the mail sink in a minute.
#
#   perf/fanout.sh [database]        (default celianet_perf, filled by perf/generate.sh 1000000)
#
# 1. Recipients: the addresses an announcement to every audience reaches, counted as Celianet counts them. Under
#    1,000,000, active patrons without an e-mail address of their own get a guardian with a generated address
#    (perf-guardian-<patron number>@fanout.invalid; credentials_to = GUARDIAN), as many as are missing; with
#    too few such patrons it says so and goes on with what there is.
# 2. Queuing: Celianet's own statement (Mailings.enqueue over the patrons' and staff lists, perf/FanoutStatement.java
#    with the classes and libraries of the jar; its one INSERT … SELECT of the recipients) under EXPLAIN ANALYZE:
#    PostgreSQL's planning + execution time is printed. It is queued afresh before each delivery run, so timed twice.
# 3. Delivery: the mail sink (perf/mail-sink.py on port 2532) and one instance (port 8093), then two instances
#    (8093, 8094) on the same database; each count is what the sink received in the 60 seconds after the
#    instances answered their health check (each instance writes a recipient's mail into the outbox as it sends it).
# At the end the announcement's mails are deleted. Needs ./mvnw -DskipTests package (the jar) first; ports 2532,
# 8093 and 8094 free. FANOUT_SECONDS (60) sets the measured time; CELIANET_MAIL_BATCH_SIZE and
# CELIANET_MAIL_POLL_INTERVAL, if set, go to the instances and are reported; FANOUT_POOL_SIZE caps each
# instance's connection pool (20 by default), for a server with few connections to spare.
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${1:-celianet_perf}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
SECONDS_MEASURED="${FANOUT_SECONDS:-60}"
SINK_PORT=2532
PORTS=(8093 8094)
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
JAR="$(ls target/celianet-*.jar | grep -v plain | head -1)"
KEYS="${CELIANET_DATA_KEYS:-$(cat perf/.data-keys)}"
WORK="$(mktemp -d)"
WINDOW="$(python3 -c 'import uuid; print(uuid.uuid4())')"
PIDS=()

psql_() { psql -X -v ON_ERROR_STOP=1 -d "$DB" -tAq "$@"; }

# The announcement's mails, staged and written, and the mailing itself.
forget() {
  psql_ -c "DELETE FROM outbound_mail WHERE reference_id = '$WINDOW'" \
    -c "DELETE FROM mailing_recipient WHERE mailing_id IN (SELECT id FROM mailing WHERE reference_id = '$WINDOW')" \
    -c "DELETE FROM mailing WHERE reference_id = '$WINDOW'"
}

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  forget 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The application's classes and libraries, for the statement.
mkdir -p "$WORK/lib"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/*' -d "$WORK/lib"
(cd "$WORK" && unzip -q -o "$OLDPWD/$JAR" 'BOOT-INF/classes/*')
CP="$WORK/BOOT-INF/classes:$WORK/lib/*"
statement() { java -cp "$CP" perf/FanoutStatement.java "$URL" "$@"; }

source perf/lib.sh
migrate "$DB"
echo "== $DB: $(psql_ -c 'SELECT count(*) FROM patron') patrons; machine: $(uptime)"

# 1. Recipients
RECIPIENTS="$(statement count)"
echo "recipients: $RECIPIENTS"
if [ "$RECIPIENTS" -lt 1000000 ]; then
  MISSING=$((1000000 - RECIPIENTS))
  ADDED="$(psql_ -c "
    WITH chosen AS (
      SELECT id FROM patron
      WHERE status = 'ACTIVE' AND nullif(btrim(email), '') IS NULL AND credentials_to = 'PATRON'
      ORDER BY id LIMIT $MISSING),
    given AS (
      UPDATE patron p SET credentials_to = 'GUARDIAN', guardian_name = 'Perf Guardian',
          guardian_email = 'perf-guardian-' || lower(p.patron_number) || '@fanout.invalid'
      FROM chosen WHERE p.id = chosen.id RETURNING 1)
    SELECT count(*) FROM given")"
  echo "gave $ADDED active patrons without an address a guardian with a generated one"
  [ "$ADDED" -eq 0 ] || RECIPIENTS="$(statement count)"
  echo "recipients now: $RECIPIENTS"
  if [ "$RECIPIENTS" -lt 1000000 ]; then
    echo "NOTE: fewer than 1,000,000 recipients in $DB ($RECIPIENTS); the figures below are for these"
  fi
fi

# 2. Queuing, timed by PostgreSQL
OTHERS="$(psql_ -c "SELECT count(*) FROM outbound_mail WHERE state IN ('QUEUED', 'SENDING')")"
[ "$OTHERS" -eq 0 ] || echo "NOTE: $OTHERS other mails already waiting in the outbox; the sink counts them too"
QUEUE_TIMES=()
queue() {
  psql_ -c "CHECKPOINT"
  statement "$WINDOW" > "$WORK/plan.txt"
  grep -E '^Insert|Tuples Inserted|WAL:|Planning Time|Execution Time' "$WORK/plan.txt" | sed 's/^ *//'
  QUEUE_MS="$(sed -n 's/^database time: \([0-9]*\) ms/\1/p' "$WORK/plan.txt")"
  QUEUED="$(psql_ -c "SELECT pending FROM mailing WHERE reference_id = '$WINDOW'")"
  QUEUE_TIMES+=("$QUEUE_MS")
  echo "queued: $QUEUED recipients in one statement, database time $QUEUE_MS ms (plan: target/fanout-plan.txt)"
  cp "$WORK/plan.txt" target/fanout-plan.txt
}

# 3. Delivery
python3 perf/mail-sink.py "$SINK_PORT" > "$WORK/sink.log" 2>&1 &
PIDS+=($!)
sleep 1
sink_count() { python3 perf/mail-sink.py count "$SINK_PORT"; }

start_instance() {
  SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-postgres}" \
    SERVER_SERVLET_SESSION_COOKIE_SECURE=false SMTP_HOST=127.0.0.1 SMTP_PORT="$SINK_PORT" PORT="$1" \
    CELIANET_DATA_KEYS="$KEYS" CELIANET_SECURITY_SECOND_FACTOR_ROLES= \
    env ${FANOUT_POOL_SIZE:+SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=$FANOUT_POOL_SIZE} java -Xmx1g -jar "$JAR" > "$WORK/celianet-$1.log" 2>&1 &
  PIDS+=($!)
}

await_health() {
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    sleep 1
  done
  echo "Celianet on port $1 did not start; its log:" >&2
  tail -40 "$WORK/celianet-$1.log" >&2
  exit 1
}

stop_instances() {
  local keep=("${PIDS[0]}")
  for pid in "${PIDS[@]:1}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=("${keep[@]}")
}

# Queues the announcement afresh (timed again), its earlier mails and recipients forgotten.
requeue() {
  forget
  psql_ -c "VACUUM (ANALYZE) outbound_mail" -c "VACUUM (ANALYZE) mailing_recipient"
  queue
}

# Counts what the sink receives in the measured seconds from the given instances. @return via COUNT
measure() {
  for port in "$@"; do start_instance "$port"; done
  for port in "$@"; do await_health "$port"; done
  local before after sent_before sent_after
  before="$(sink_count)"
  sent_before="$(psql_ -c "SELECT count(*) FROM outbound_mail WHERE reference_id = '$WINDOW' AND state = 'SENT'")"
  sleep "$SECONDS_MEASURED"
  after="$(sink_count)"
  sent_after="$(psql_ -c "SELECT count(*) FROM outbound_mail WHERE reference_id = '$WINDOW' AND state = 'SENT'")"
  COUNT=$((after - before))
  echo "$# instance(s) on ports $*: the sink received $COUNT mails in ${SECONDS_MEASURED}s ($((COUNT / SECONDS_MEASURED))/s; recorded SENT meanwhile: $((sent_after - sent_before))); machine: $(uptime)"
  stop_instances
}

requeue
measure "${PORTS[0]}"
ONE=$COUNT
requeue
measure "${PORTS[@]}"
TWO=$COUNT

# The delivery settings in force: the environment's if given, else application.yml's.
yml() { grep -E "^\s+$1:" src/main/resources/application.yml | head -1 | sed -E "s/^\s+$1:\s*//"; }
echo
echo "== Results ($DB, $(date -u +%FT%TZ))"
echo "recipients:                 $QUEUED queued in one INSERT … SELECT, database time ${QUEUE_TIMES[*]} ms (queued afresh before each delivery run)"
echo "delivered in ${SECONDS_MEASURED}s, 1 instance:  $ONE"
echo "delivered in ${SECONDS_MEASURED}s, 2 instances: $TWO"
python3 -c "import sys; one, two = int(sys.argv[1]), int(sys.argv[2]); print('ratio 2/1:                  ' + (f'{two / one:.2f}' if one else 'n/a'))" "$ONE" "$TWO"
echo "delivery settings: celianet.mail.batch-size=${CELIANET_MAIL_BATCH_SIZE:-$(yml batch-size)}," \
  "celianet.mail.poll-interval=${CELIANET_MAIL_POLL_INTERVAL:-$(yml poll-interval)}" \
  "(one batch per poll over one SMTP connection, fixed delay), one scheduler thread per instance" \
  "(spring.task.scheduling.pool.size unset), lease 60s, claims FOR UPDATE SKIP LOCKED;" \
  "hikari pool ${FANOUT_POOL_SIZE:-$(yml maximum-pool-size)}"
echo "machine: $(nproc) cores, $(uptime)"
