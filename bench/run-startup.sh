#!/usr/bin/env bash
# Start-up time to healthy (GET /health 200, from the launch of `java -jar`) and resident memory.
#
# BENCH_ROUNDS times each:
#   baseline: the same JVM and jar doing nothing of the service (`java -jar opencpis.jar token ADMIN`);
#   embedded, first start: the default run (embedded PostgreSQL) on a fresh data directory;
#   embedded, restart: the same data directory again (the usual restart);
#   external: against the benchmark's own PostgreSQL server, a fresh database (all migrations).
# Prints each time, its ratio to the baseline, and the peak RSS (VmHWM) of the JVM once healthy.
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
need curl java

ROUNDS=${BENCH_ROUNDS:-2}
summary=""

now() { date +%s.%N; }
since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN {printf "%.2f", now - then}'; }

embedded_start() { # embedded_start DATA_DIR
    APP_PORT=$(free_port)
    local started
    started=$(now)
    OPENCPIS_DATA_DIR="$1" OPENCPIS_JWT_SECRET="$JWT_SECRET" MICRONAUT_SERVER_PORT="$APP_PORT" \
        java ${JAVA_OPTS:-} -jar "$JAR" >>"$WORK/service.log" 2>&1 &
    APP_PID=$!
    wait_healthy "$started"
}

pg_start
machine_line
for round in $(seq 1 "$ROUNDS"); do
    started=$(now)
    token ADMIN >/dev/null
    baseline=$(since "$started")

    dir="$WORK/embedded-$round"
    embedded_start "$dir"
    first=$STARTUP_SECONDS
    first_rss=$(app_peak_rss_mib)
    app_stop
    embedded_start "$dir"
    again=$STARTUP_SECONDS
    app_stop

    psql -q -d postgres -c 'DROP DATABASE opencpis' -c 'CREATE DATABASE opencpis'
    rm -rf "$WORK/data"
    app_start
    external=$STARTUP_SECONDS
    external_rss=$(app_peak_rss_mib)
    app_stop

    ratio() { awk -v a="$1" -v b="$baseline" 'BEGIN {printf "%.1f", a / b}'; }
    printf 'round %d: baseline JVM %s s | embedded first start %s s (x%s, peak RSS %s MiB) | embedded restart %s s (x%s) | external PostgreSQL %s s (x%s, peak RSS %s MiB)\n' \
        "$round" "$baseline" "$first" "$(ratio "$first")" "$first_rss" "$again" "$(ratio "$again")" \
        "$external" "$(ratio "$external")" "$external_rss"
    summary+="$round: first ${first}s, restart ${again}s, external ${external}s, JVM ${baseline}s; "
done
printf 'SUMMARY startup: %s\n' "$summary"
