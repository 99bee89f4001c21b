#!/usr/bin/env bash
# A 250,000-record upload against psql \copy of the same rows, on the same PostgreSQL server.
#
# One PostgreSQL server, the service on it; BENCH_ROUNDS times (each round as a new LA, 701, 702,
# ..., so that every round creates its records):
#   baseline: psql \copy of the rows into bench.protection_record_copy, a table made LIKE
#             protection_record INCLUDING ALL (same columns, constraints and indexes), emptied first;
#             BENCH_COPIES times (3), the median taken (one 3-second statement varies by up to 2 s here);
#   service:  POST /api/v1/uploads of the JSON file (CONTRACT §7), then GET /api/v1/uploads/{id}
#             every 0.2 s until 200; checks the acknowledgement (CPF02, every record loaded).
#   each of the two starts on a quiet server (wait_quiet: no autovacuum worker, no audit entry left
#             to chain from what ran before, then a checkpoint).
# Prints the store (POST) and total times, the CPU time the service and PostgreSQL spent on the upload,
# the ratio upload/COPY, and the service's peak RSS.
#
# Before the rounds, a warm-up upload of BENCH_WARMUP_RECORDS (100,000; 0 for none) for LA 700, not
# measured: the first upload of a fresh JVM also pays for compiling its code (about 13 s of CPU
# more on this machine), which a running service has done long before.
#
# With BENCH_COHORTS=1, each LA's children form a cohort (defined before its upload): every record
# stored then joins it, the costliest case for cohort membership; by default no cohort is defined.
#
# Environment: BENCH_RECORDS (250000), BENCH_ROUNDS (2), BENCH_WARMUP_RECORDS (100000), BENCH_COPIES (3),
# BENCH_COHORTS (0), JAVA_OPTS, BENCH_KEEP=1.
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
need curl jq java python3

RECORDS=${BENCH_RECORDS:-250000}
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP_RECORDS=${BENCH_WARMUP_RECORDS:-100000}
COPIES=${BENCH_COPIES:-3}
COHORTS=${BENCH_COHORTS:-0}

pg_start
app_start
admin=$(token ADMIN)
psql -q -v ON_ERROR_STOP=1 -f "$BENCH_HOME/sql/functions.sql" >/dev/null
psql -q -v ON_ERROR_STOP=1 -c 'CREATE TABLE bench.protection_record_copy (LIKE protection_record INCLUDING ALL)'
COLUMNS="id, la_ods_code, nhs_number, plan_type, start_date, end_date, explicit_delete_date, family_name, given_names,
         date_of_birth, local_id, lac_legal_status, school_urn, gp_practice_ods_code, postcode, withdrawn_on, delete_date"

now() { date +%s.%N; }
since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN {printf "%.1f", now - then}'; }

# register_la LA: registers the LA (with a MESH mailbox) and writes its files: upload_file LA RECORDS
register_la() {
    local la=$1
    api PUT "/api/v1/organisations/$la" "$admin" -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"name\":\"Bench Upload LA $la\",\"type\":\"LOCAL_AUTHORITY\",\"emergencyDutyPhone\":\"0300 000 $la\",\"meshMailboxId\":\"X26LA$la\",\"meshMailboxPassword\":\"password\"}"
}

# upload LA RECORDS: posts the LA's file and waits for its acknowledgement (in $WORK/ack-LA.json);
# sets store_s (the POST) and upload_s (until answered), and checks that every record loaded.
upload() {
    local la=$1 records=$2 started location la_token status loaded
    la_token=$(token LA "$la")
    started=$(now)
    location=$(api POST /api/v1/uploads "$la_token" -H 'Content-Type: application/json' \
        --data-binary "@$WORK/upload-$la.json" -D - -o /dev/null | awk -F': ' 'tolower($1) == "location" {print $2}' | tr -d '\r')
    [ -n "$location" ] || die "the upload was not accepted"
    store_s=$(since "$started")
    while [ "$(api GET "$location" "$la_token" -o "$WORK/ack-$la.json" -w '%{http_code}')" != 200 ]; do
        kill -0 "$APP_PID" || die "the service exited"
        sleep 0.2
    done
    upload_s=$(since "$started")
    status=$(jq -r '.fileStatus' "$WORK/ack-$la.json")
    loaded=$(jq -r '.loaded' "$WORK/ack-$la.json")
    [ "$status" = CPF02 ] && [ "$loaded" = "$records" ] || die "the upload loaded $loaded of $records records ($status)"
}

cpu_s() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'; }

# cohort LA: with BENCH_COHORTS=1, a 0-19 service's cohort of the LA's children is defined before its
# upload, so that every record stored joins a cohort (the costliest case for cohort membership).
cohort() {
    local la=$1 status
    [ "$COHORTS" = 1 ] || return 0
    status=$(api PUT "/api/v1/cohorts/bench-la-$la" "$admin" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"ownerOdsCode\":\"R19\",\"name\":\"Bench children of LA $la\",\"localAuthorityOdsCodes\":[\"$la\"]}")
    case "$status" in 200|201) ;; *) die "defining the cohort of LA $la answered $status" ;; esac
}

machine_line
if [ "$COHORTS" = 1 ]; then
    api PUT /api/v1/organisations/R19 "$admin" -o /dev/null -H 'Content-Type: application/json' \
        -d '{"name":"Bench 0-19 service","type":"ZERO_TO_NINETEEN_SERVICE","meshMailboxId":"X26R19","meshMailboxPassword":"password"}'
    log "each LA's children form a cohort of the 0-19 service R19 (BENCH_COHORTS=1)"
fi
if [ "$WARMUP_RECORDS" -gt 0 ]; then
    register_la 700
    cohort 700
    python3 "$BENCH_HOME/tools/upload-files.py" "$WARMUP_RECORDS" 700 "$WORK/upload-700.json" "$WORK/copy-700.csv"
    upload 700 "$WARMUP_RECORDS"
    log "warm-up: $WARMUP_RECORDS records (LA 700) answered after ${upload_s}s, not measured"
fi
ratios=()
for round in $(seq 1 "$ROUNDS"); do
    la=$((700 + round))
    register_la "$la"
    cohort "$la"
    python3 "$BENCH_HOME/tools/upload-files.py" "$RECORDS" "$la" "$WORK/upload-$la.json" "$WORK/copy-$la.csv"
    size=$(du -m "$WORK/upload-$la.json" | cut -f1)

    copies=()
    for copy in $(seq 1 "$COPIES"); do
        psql -q -c 'TRUNCATE bench.protection_record_copy'
        wait_quiet
        started=$(now)
        psql -q -v ON_ERROR_STOP=1 -c "\\copy bench.protection_record_copy ($COLUMNS) FROM '$WORK/copy-$la.csv' WITH (FORMAT csv)"
        copies+=("$(since "$started")")
    done
    copy_s=$(printf '%s\n' "${copies[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')

    wait_quiet
    app_before=$(app_cpu_ticks)
    pg_before=$(pg_cpu_ticks)
    upload "$la" "$RECORDS"
    app_cpu=$(cpu_s $(( $(app_cpu_ticks) - app_before )))
    pg_cpu=$(cpu_s $(( $(pg_cpu_ticks) - pg_before )))
    ratio=$(awk -v a="$upload_s" -v b="$copy_s" 'BEGIN {printf "%.1f", a / b}')
    ratios+=("$ratio")
    printf 'round %d: %s records (%s MB JSON), LA %s: COPY %s s (median of %s) | upload stored in %s s, answered CPF02 (all loaded) after %s s (%.0f records/s; CPU: service %s s, PostgreSQL %s s) | ratio %s\n' \
        "$round" "$RECORDS" "$size" "$la" "$copy_s" "${copies[*]}" "$store_s" "$upload_s" \
        "$(awk -v n="$RECORDS" -v s="$upload_s" 'BEGIN {print n / s}')" "$app_cpu" "$pg_cpu" "$ratio"
done
rss=$(app_peak_rss_mib)
printf 'SUMMARY upload: %s records; ratio upload/COPY per round: %s (budget <= 10); service peak RSS %s MiB (budget <= 768)\n' \
    "$RECORDS" "${ratios[*]}" "$rss"
