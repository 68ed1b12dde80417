#!/usr/bin/env bash
# Start-up with class-data sharing against a plain start, in one sitting: perf/startup.sh [database] [rounds]
#
# Spring Boot's documented CDS on Java 17: the jar extracted (java -Djarmode=tools -jar … extract) and an archive
# trained by a start that stops once the application context has refreshed (-Dspring.context.exit=onRefresh),
# which needs the database, as every start does. Then, alternately, a plain start of the jar as the README runs it
# (java -jar target/celianet-….jar), a start of the extracted jar without the archive, and one with it; each
# start's "process running for" figure from Spring Boot's start-up line. Default: celianet_perf, 3 rounds.
# Port: CELIANET_PORT (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source perf/lib.sh
DB=${1:-celianet_perf}
ROUNDS=${2:-3}
PORT=${CELIANET_PORT:-8080}
OUT=target/startup
data_keys
"${PSQL[@]}" -d "$DB" -tAc "SELECT 1" >/dev/null || { echo "No database $DB" >&2; exit 1; }
if listening "$PORT"; then echo "Port $PORT is taken: stop what listens there or set CELIANET_PORT" >&2; exit 1; fi

[[ -n $(ls target/celianet-*.jar 2>/dev/null) ]] || ./mvnw -q -B -DskipTests package
JAR=$(ls target/celianet-*.jar | head -1)
rm -rf "$OUT" && mkdir -p "$OUT"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/application" >/dev/null
EXTRACTED=$OUT/application/$(basename "$JAR")
ARCHIVE=$OUT/application.jsa

echo "Training the archive (a start that stops after the context refresh)…"
CELIANET_JAR=$EXTRACTED celianet "$PORT" "$DB" 2525 "$OUT/training.log" -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off \
  -Dspring.context.exit=onRefresh
wait "$CELIANET_PID" || true
[[ -f $ARCHIVE ]] || { tail -20 "$OUT/training.log"; echo "No archive was written" >&2; exit 1; }
echo "Archive: $(du -h "$ARCHIVE" | cut -f1)"

# Starts the jar once with the options given, waits for it to answer, stops it; prints the seconds the process had
# been running at Spring Boot's start-up line.
start() {
  local log=$1 jar=$2
  shift 2
  CELIANET_JAR=$jar celianet "$PORT" "$DB" 2525 "$log" "$@"
  answering "$PORT" "$log"
  halt "$CELIANET_PID"
  sed -n 's/.*Started CelianetApplication in [0-9.]* seconds (process running for \([0-9.]*\)).*/\1/p' "$log"
}
declare -A took
for round in $(seq "$ROUNDS"); do
  took[plain]+="$(start "$OUT/plain-$round.log" "$JAR") "
  took[extracted]+="$(start "$OUT/extracted-$round.log" "$EXTRACTED") "
  took[cds]+="$(start "$OUT/cds-$round.log" "$EXTRACTED" -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off) "
done
python3 - "${took[plain]}" "${took[extracted]}" "${took[cds]}" <<'PY' | tee "$OUT/table.txt"
import statistics, sys
plain, extracted, cds = ([float(x) for x in arg.split()] for arg in sys.argv[1:4])
print(f"\nStart-up until Spring Boot's start-up line (s, process running for), {len(plain)} rounds alternately")
for name, runs in (("plain java -jar", plain), ("extracted jar", extracted), ("extracted jar + CDS archive", cds)):
    print(f"{name:<30}" + " ".join(f"{r:6.2f}" for r in runs) + f"   median {statistics.median(runs):6.2f}")
gain = 1 - statistics.median(cds) / statistics.median(plain)
print(f"CDS start against the plain start: {gain:.0%} faster (target at least 30 %)")
PY
