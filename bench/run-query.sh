#!/usr/bin/env bash
# The CP-IS query against the database's own ceiling.
#
# One PostgreSQL server; the service on it; 250,000 records of 240,000 people over 150 LAs seeded
# by SQL (bench/sql/seed-records.sql: what uploads would store, with their audit entries); then,
# ROUNDS times, alternately:
#   pgbench: bench/sql/query.pgbench, the minimal SQL of a correct unscheduled query (read +
#            access event + outbox + audit entry, one transaction), with 32 clients and
#            with the service's pool size; the ceiling is the better of the two;
#   wrk:     32 connections of GET /FHIR/R4/CareTeam (B0107, unscheduled, UUID X-Request-ID) for
#            random seeded people.
# Prints per round and a summary: throughput, p99, the ratio wrk/pgbench, and the service's peak
# RSS; then checks the audit chain (pgbench's entries included) with GET /api/v1/audit/verification.
#
# Environment: BENCH_DURATION (s per measurement, 30), BENCH_ROUNDS (2), BENCH_WARMUP (s, 60: the JIT compiler is still busy after 20),
# BENCH_CONNECTIONS (32), BENCH_RECORDS (250000), BENCH_PERSONS (240000), BENCH_LAS (150),
# JAVA_OPTS (e.g. JFR options), BENCH_KEEP=1 keeps the work directory (logs, pgbench logs).
# The per-user query rate limit is turned off (OPENCPIS_QUERY_RATE_LIMIT_PER_MINUTE=0): one token.
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
need wrk curl jq java python3

DURATION=${BENCH_DURATION:-30}
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP=${BENCH_WARMUP:-60}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
RECORDS=${BENCH_RECORDS:-250000}
PERSONS=${BENCH_PERSONS:-240000}
LAS=${BENCH_LAS:-150}
# pgbench runs at each of these client counts; the ceiling is the best of them: 32 as wrk, and the
# service's connection pool size.
PGBENCH_CLIENTS=${BENCH_PGBENCH_CLIENTS:-"32 $(awk '/maximum-pool-size/ {print $2; exit}' "$REPO/bootstrap/src/main/resources/application.yml")"}

pg_start
app_start
register_organisations "$LAS"
psql -q -v ON_ERROR_STOP=1 -f "$BENCH_HOME/sql/functions.sql" >/dev/null
seed_started=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -v records="$RECORDS" -v persons="$PERSONS" -v las="$LAS" \
    -f "$BENCH_HOME/sql/seed-records.sql" >/dev/null
log "seeded $(psql -tAc 'SELECT count(*) FROM protection_record') records and $(psql -tAc 'SELECT count(*) FROM audit_entry') audit entries in $(( $(date +%s) - seed_started ))s"

B0107=$(token B0107 RXX)
AUDITOR=$(token AUDITOR)
first=$(psql -tAc 'SELECT bench.nhs(0)')
total=$(api GET "/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C$first" "$B0107" \
    -H "X-Request-ID: $(python3 -c 'import uuid; print(uuid.uuid4())')" | jq -r .total)
[ "$total" -ge 1 ] || die "the query of seeded person $first found nothing (total $total)"

URL="http://localhost:$APP_PORT"
export BENCH_TOKEN="$B0107" BENCH_PERSONS="$PERSONS"

run_wrk() { # run_wrk SECONDS [CONNECTIONS] -> "rps p50_ms p99_ms errors"
    local out
    out=$(wrk -t2 -c"${2:-$CONNECTIONS}" -d"$1"s --latency -s "$BENCH_HOME/query.lua" "$URL")
    echo "$out" >>"$WORK/wrk.log"
    echo "$out" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx/ { errors = $NF }
        /Socket errors/ { errors = errors "+socket" }
        END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, errors == "" ? 0 : errors }'
}

run_pgbench() { # run_pgbench SECONDS CLIENTS -> "tps p50_ms p99_ms failed"
    local prefix="$WORK/pgbench-$2" out
    out=$(pgbench -n -M prepared -c "$2" -j 2 -T "$1" -D persons="$PERSONS" -l --log-prefix="$prefix" \
        -f "$BENCH_HOME/sql/query.pgbench" 2>&1) || { echo "$out" >&2; die "pgbench failed"; }
    echo "$out" >>"$WORK/pgbench.log"
    local tps failed
    tps=$(echo "$out" | awk '/^tps/ {print $3; exit}')
    failed=$(echo "$out" | awk '/number of failed transactions/ {print $5; exit}')
    cat "$prefix".* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" '
        { v[NR] = $1 } END { printf "%.0f %.2f %.2f %s\n", tps, v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000, failed }'
    rm -f "$prefix".*
}

machine_line
log "warm-up: wrk ${WARMUP}s"
run_wrk "$WARMUP" >/dev/null
ratios=()
p99s=()
for round in $(seq 1 "$ROUNDS"); do
    ceiling=0
    for clients in $PGBENCH_CLIENTS; do
        pg_before=$(pg_cpu_ticks)
        read -r tps pg_p50 pg_p99 pg_failed <<<"$(run_pgbench "$DURATION" "$clients")"
        pg_cpu=$(cpu_ms_per $(( $(pg_cpu_ticks) - pg_before )) $(( tps * DURATION )))
        printf 'round %d: pgbench -c %s: %s tps (p50 %s ms, p99 %s ms, failed %s; PostgreSQL CPU %s ms per transaction)\n' \
            "$round" "$clients" "$tps" "$pg_p50" "$pg_p99" "$pg_failed" "$pg_cpu"
        [ "$tps" -gt "$ceiling" ] && ceiling=$tps
    done
    pg_before=$(pg_cpu_ticks)
    app_before=$(app_cpu_ticks)
    read -r rps p50 p99 errors <<<"$(run_wrk "$DURATION")"
    app_cpu=$(cpu_ms_per $(( $(app_cpu_ticks) - app_before )) $(( rps * DURATION )))
    pg_cpu=$(cpu_ms_per $(( $(pg_cpu_ticks) - pg_before )) $(( rps * DURATION )))
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')
    ratios+=("$ratio")
    p99s+=("$p99")
    printf 'round %d: service (wrk -c %s): %s req/s (p50 %s ms, p99 %s ms, non-2xx %s; CPU per query: service %s ms, PostgreSQL %s ms) | ratio to the best pgbench %s\n' \
        "$round" "$CONNECTIONS" "$rps" "$p50" "$p99" "$errors" "$app_cpu" "$pg_cpu" "$ratio"
done
rss=$(app_peak_rss_mib)

# Latency when nothing queues: as many clients as the machine has cores, for the minimal SQL and the service.
light=$(nproc)
read -r tps pg_p50 pg_p99 pg_failed <<<"$(run_pgbench "$DURATION" "$light")"
printf 'unqueued: pgbench -c %s: %s tps (p50 %s ms, p99 %s ms)\n' "$light" "$tps" "$pg_p50" "$pg_p99"
read -r rps p50 p99 errors <<<"$(run_wrk "$DURATION" "$light")"
printf 'unqueued: service (wrk -c %s): %s req/s (p50 %s ms, p99 %s ms, non-2xx %s)\n' "$light" "$rps" "$p50" "$p99" "$errors"
unqueued="pgbench ${pg_p99}, service ${p99} with $light clients"

# Latency at half the ceiling: the same 32 connections, each pausing between its requests so that
# together they offer about half the last round's pgbench ceiling.
pause=$(awk -v c="$CONNECTIONS" -v t="$ceiling" 'BEGIN {printf "%.0f", c * 1000 / (t / 2)}')
export BENCH_PAUSE_MS=$pause
read -r rps p50 p99 errors <<<"$(run_wrk "$DURATION")"
unset BENCH_PAUSE_MS
printf 'paced: service (wrk -c %s, each pausing %s ms between requests): %s req/s (p50 %s ms, p99 %s ms, non-2xx %s)\n' \
    "$CONNECTIONS" "$pause" "$rps" "$p50" "$p99" "$errors"
paced="p99 ${p99} ms at ${rps} req/s"

# The notifications still to be delivered when the load stops (the service's relay delivers
# pgbench's outbox rows too: they are due like its own), and how fast the relay then delivers.
undelivered() { psql -tAc "SELECT count(*) FROM access_notification WHERE delivered_at IS NULL"; }
pending=$(undelivered)
sleep "$DURATION"
drained=$(( pending - $(undelivered) ))
printf 'notifications: %s still to be delivered when the load stopped; the relay then delivered %s a second\n' \
    "$pending" "$(awk -v n="$drained" -v s="$DURATION" 'BEGIN {printf "%.0f", n / s}')"

# The verification first chains every entry recorded so far (pgbench's too), then re-computes the chain.
verification=$(api GET /api/v1/audit/verification "$AUDITOR")
[ "$(echo "$verification" | jq -r .valid)" = true ] || die "the audit chain does not verify: $verification"
notifications=$(psql -tAc 'SELECT count(*) FROM access_notification')
events=$(psql -tAc 'SELECT count(*) FROM access_event')
log "audit chain valid ($(echo "$verification" | jq -r .entries) entries); $events access events, $notifications notifications"
printf 'SUMMARY query: %s connections, %s records; ratio service/best pgbench per round: %s (budget >= 0.5); service p99 ms per round: %s (budget <= 25); unqueued p99 ms: %s; paced: %s; service peak RSS %s MiB (budget <= 768)\n' \
    "$CONNECTIONS" "$RECORDS" "${ratios[*]}" "${p99s[*]}" "$unqueued" "$paced" "$rss"
