# Shared by the load-test scripts under perf/: sourced, not run.
# Starting Celianet as the README's Load test step 2 says: the generator's data keys, the mail sink, the
# simulated librarians signing in with the password alone and searching far more than a real one may.

PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q -X)

# Exports CELIANET_DATA_KEYS from perf/.data-keys unless it is set.
data_keys() {
  if [[ -z ${CELIANET_DATA_KEYS:-} ]]; then
    [[ -f perf/.data-keys ]] || { echo "No perf/.data-keys: fill the database with perf/generate.sh first" >&2; exit 1; }
    CELIANET_DATA_KEYS=$(cat perf/.data-keys)
  fi
  export CELIANET_DATA_KEYS
}

# Fails unless the database holds generated patrons.
generated() {
  if ! "${PSQL[@]}" -d "$1" -tAc "SELECT count(*) > 0 FROM patron" 2>/dev/null | grep -q t; then
    echo "$1 has no patrons: run perf/generate.sh first (e.g. perf/generate.sh 100000 $1)" >&2
    exit 1
  fi
}

# Runs Celianet's Flyway migrations on a database (starting the jar once, without a web server, until Flyway
# reports; the rest of that start may fail: no matter). migrate DATABASE
migrate() {
  local log app migrated='Successfully applied|No migration necessary'
  data_keys
  log=$(mktemp)
  SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$1" SPRING_DATASOURCE_USERNAME="${PGUSER:-postgres}" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-postgres}" timeout 300 java -jar "${CELIANET_JAR:-$(ls target/celianet-*.jar | grep -v plain | head -1)}" \
    --spring.main.web-application-type=none >"$log" 2>&1 &
  app=$!
  while kill -0 "$app" 2>/dev/null && ! grep -Eq "$migrated" "$log"; do sleep 1; done
  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
  if ! grep -Eq "$migrated" "$log"; then
    tail -30 "$log"; rm -f "$log"; return 1
  fi
  rm -f "$log"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts Celianet in the background: celianet PORT DATABASE SMTP_PORT LOG [java options…] [-- application arguments…]
# The java options come before -jar (e.g. -Xmx1g); the jar is CELIANET_JAR, else target/celianet-*.jar.
# Sets CELIANET_PID.
celianet() {
  local port=$1 db=$2 smtp=$3 log=$4
  shift 4
  local options=()
  while (($#)) && [[ $1 != -- ]]; do options+=("$1"); shift; done
  [[ ${1:-} == -- ]] && shift
  PORT=$port SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$db \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres SERVER_SERVLET_SESSION_COOKIE_SECURE=false \
    SMTP_PORT=$smtp CELIANET_SECURITY_SECOND_FACTOR_ROLES= CELIANET_SECURITY_SIGN_IN_PER_NAME_AND_ADDRESS=1000000 \
    CELIANET_SECURITY_SIGN_IN_PER_ADDRESS=1000000 CELIANET_IDENTITY_CODE_SEARCHES_PER_DAY=100000000 \
    java "${options[@]}" -jar "${CELIANET_JAR:-$(ls target/celianet-*.jar | head -1)}" "$@" >"$log" 2>&1 &
  CELIANET_PID=$!
}

# Waits until something answers /api/status on the port (at most 180 s); fails naming the log otherwise.
answering() {
  local port=$1 log=$2
  for _ in $(seq 180); do
    curl -fs -o /dev/null "http://localhost:$port/api/status" && return 0
    sleep 1
  done
  echo "Nothing answers on port $port: see $log" >&2
  exit 1
}

# Stops a background process and waits for it.
halt() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# The java option that profiles the whole run with async-profiler (CPU samples, a flame graph written when the JVM
# stops): profiler FILE.html. The library comes from Maven (tools.profiler:async-profiler) into target/.
profiler() {
  local version=4.2 dir=target/async-profiler
  if [[ ! -f $dir/linux-x64/libasyncProfiler.so ]]; then
    ./mvnw -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$version" -Dtransitive=false >&2
    mkdir -p "$dir"
    (cd "$dir" && unzip -q -o ~/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar 'linux-x64/*')
  fi
  # perf events need kernel permission that containers seldom give; the interval timer needs none.
  echo "-agentpath:$PWD/$dir/linux-x64/libasyncProfiler.so=start,event=itimer,interval=1ms,file=$PWD/$1"
}
