# Shared helpers of the benchmark scripts (sourced, not run).
#
# Every benchmark runs one PostgreSQL server of its own (the Debian/PGDG server binaries, initdb'd in
# a temporary directory, durable settings: fsync, synchronous_commit and full_page_writes on, as the
# embedded server of the service), points the service at it with DATASOURCES_DEFAULT_*, and runs its
# baseline (pgbench, psql \copy) against the very same server.

set -euo pipefail

BENCH_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_HOME/.." && pwd)"
JAR="${OPENCPIS_JAR:-$REPO/bootstrap/target/opencpis.jar}"
WORK="${BENCH_WORK:-$(mktemp -d /tmp/opencpis-bench.XXXXXX)}"
mkdir -p "$WORK"
chmod 755 "$WORK"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PG_PORT=""
APP_PORT=""
APP_PID=""
JWT_SECRET="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export PGHOST=localhost PGUSER=postgres PGDATABASE=opencpis

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || die "$tool is missing: run bench/setup.sh (apt-get install wrk postgresql postgresql-client curl jq)"
    done
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

# PostgreSQL refuses to run as root: run its binaries as the postgres user then.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    [ -x "$PGBIN/initdb" ] || die "no PostgreSQL server binaries (PGBIN=$PGBIN): run bench/setup.sh"
    need psql pgbench
    PG_PORT=$(free_port)
    local data="$WORK/pg"
    mkdir -p "$data" "$WORK/pg-socket" "$WORK/pg-log"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data" "$WORK/pg-socket" "$WORK/pg-log"; fi
    as_pg "$PGBIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || as_pg "$PGBIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = 'localhost'
port = $PG_PORT
unix_socket_directories = '$WORK/pg-socket'
max_connections = 200
fsync = on
synchronous_commit = on
full_page_writes = on
timezone = 'UTC'
log_autovacuum_min_duration = 0
log_checkpoints = on
EOF
    if [ -n "${BENCH_STATEMENTS:-}" ]; then
        echo "shared_preload_libraries = 'pg_stat_statements'" >>"$data/postgresql.conf"
    fi
    as_pg "$PGBIN/pg_ctl" -D "$data" -l "$WORK/pg-log/postgres.log" -w start >/dev/null
    export PGPORT=$PG_PORT
    psql -q -d postgres -c "CREATE DATABASE opencpis" >/dev/null
    if [ -n "${BENCH_STATEMENTS:-}" ]; then
        psql -q -c "CREATE EXTENSION pg_stat_statements" >/dev/null
    fi
    log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PG_PORT, data in $data"
}

pg_stop() {
    [ -n "$PG_PORT" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
    PG_PORT=""
}

# Starts the service against the benchmark's PostgreSQL; JAVA_OPTS adds JVM options (e.g. JFR).
# Sets APP_PID and APP_PORT and STARTUP_SECONDS (launch to /health 200).
app_start() {
    [ -f "$JAR" ] || die "$JAR is missing: ./mvnw -B package -DskipTests"
    APP_PORT=$(free_port)
    local started=$(date +%s.%N)
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PG_PORT/opencpis" \
    DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=bench \
    OPENCPIS_DATA_DIR="$WORK/data" OPENCPIS_JWT_SECRET="$JWT_SECRET" MICRONAUT_SERVER_PORT="$APP_PORT" \
    OPENCPIS_QUERY_RATE_LIMIT_PER_MINUTE="${OPENCPIS_QUERY_RATE_LIMIT_PER_MINUTE:-0}" \
        java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>&1 &
    APP_PID=$!
    wait_healthy "$started"
    log "service pid $APP_PID on port $APP_PORT, healthy after ${STARTUP_SECONDS}s"
}

wait_healthy() {
    local started=$1 deadline=$(( $(date +%s) + 180 ))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$APP_PORT/health" 2>/dev/null)" = 200 ]; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; die "the service exited"; }
        [ "$(date +%s)" -lt "$deadline" ] || die "the service was not healthy within 180 s"
        sleep 0.05
    done
    STARTUP_SECONDS=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN {printf "%.2f", now - then}')
}

app_stop() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

# Peak resident set size of the service so far, in MiB (VmHWM).
app_peak_rss_mib() {
    awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"
}

# CPU time (user + system, clock ticks) used so far by the service's JVM, and by the PostgreSQL
# server: its live processes plus the backends that have exited (the postmaster's reaped children).
app_cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$APP_PID/stat"
}
pg_cpu_ticks() {
    local postmaster
    postmaster=$(head -1 "$WORK/pg/postmaster.pid")
    { awk '{print $16 + $17}' "/proc/$postmaster/stat"
      for pid in $(pgrep -P "$postmaster") "$postmaster"; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done
    } | awk '{s += $1} END {print s}'
}
# Milliseconds of CPU per operation: cpu_ms_per TICKS OPERATIONS
cpu_ms_per() {
    awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0)}'
}

# A token signed with the benchmark's secret: token ROLE [ORG]
token() {
    OPENCPIS_JWT_SECRET="$JWT_SECRET" OPENCPIS_DATA_DIR="$WORK/data" java -jar "$JAR" token "$@"
}

api() { # api METHOD PATH TOKEN [curl args...]
    local method=$1 path=$2 bearer=$3
    shift 3
    curl -sS -X "$method" "http://localhost:$APP_PORT$path" -H "Authorization: Bearer $bearer" "$@"
}

# Registers the benchmark's local authorities (ODS codes 601.., with MESH mailboxes, so that the
# notification relay delivers to the MESH stub as in production) and the clinicians' trust RXX.
register_organisations() { # register_organisations COUNT
    local count=$1 admin i ods status
    admin=$(token ADMIN)
    for i in $(seq 1 "$count"); do
        ods=$((600 + i))
        status=$(api PUT "/api/v1/organisations/$ods" "$admin" -o /dev/null -w '%{http_code}' \
            -H 'Content-Type: application/json' \
            -d "{\"name\":\"Bench Local Authority $ods\",\"type\":\"LOCAL_AUTHORITY\",\"emergencyDutyPhone\":\"0300 000 $ods\",\"officeHoursPhone\":\"0300 111 $ods\",\"meshMailboxId\":\"X26LA$ods\",\"meshMailboxPassword\":\"password\"}")
        case "$status" in 200|201) ;; *) die "registering LA $ods answered $status" ;; esac
    done
    api PUT /api/v1/organisations/RXX "$admin" -o /dev/null -H 'Content-Type: application/json' \
        -d '{"name":"Bench Acute Trust","type":"NHS_ORGANISATION"}'
    log "registered $count local authorities and RXX"
}

# Waits (up to 3 minutes) until the server has no background work left from what ran before: no
# autovacuum worker busy, no audit entry waiting for the service's chainer and no upload acknowledgement
# waiting for its relay (it reads the upload's results and sends them over MESH). Then a checkpoint, so
# that each measurement starts from the same quiet server.
wait_quiet() {
    local deadline=$(( $(date +%s) + 180 )) busy
    while :; do
        busy=$(psql -At -c "SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')
                                 + (SELECT count(*) FROM (SELECT 1 FROM audit_entry WHERE sequence IS NULL LIMIT 1) AS unchained)
                                 + (SELECT count(*) FROM upload WHERE ack_due_at IS NOT NULL AND ack_delivered_at IS NULL)")
        [ "$busy" = 0 ] && break
        [ "$(date +%s)" -lt "$deadline" ] || { log "still busy after 3 minutes; measuring anyway"; break; }
        sleep 1
    done
    psql -q -c CHECKPOINT
}

# With BENCH_STATEMENTS=1: the statements that took most of the server's time, for profiling.
statements_report() {
    [ -n "${BENCH_STATEMENTS:-}" ] && [ -n "$PG_PORT" ] || return 0
    psql -q -P pager=off -c "SELECT round(total_exec_time::numeric) AS total_ms, calls, rows,
               round((total_exec_time / calls)::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 200) AS query
          FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ${BENCH_STATEMENTS_TOP:-25}" >&2 || true
    psql -q -P pager=off -c "SELECT wal_records, wal_fpi, pg_size_pretty(wal_bytes) AS wal, wal_buffers_full, wal_write, wal_sync
          FROM pg_stat_wal" >&2 || true
}

cleanup() {
    statements_report
    app_stop
    pg_stop
    if [ -z "${BENCH_KEEP:-}" ]; then
        rm -rf "$WORK" 2>/dev/null || true
    else
        log "kept $WORK"
    fi
}

machine_line() {
    printf 'machine: %s cores, %s MiB, %s; load average %s; %s\n' "$(nproc)" \
        "$(awk '/MemTotal/ {printf "%.0f", $2/1024}' /proc/meminfo)" \
        "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" "$(date -u +%Y-%m-%dT%H:%MZ)"
}
