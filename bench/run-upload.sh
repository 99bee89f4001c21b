#!/usr/bin/env bash
# A 250,000-record upload against psql \copy of the same rows, on the same PostgreSQL server.
#
# One PostgreSQL server, the service on it; BENCH_ROUNDS times (each round as a new LA, 701, 702,
# ..., so that every round creates its records):
#   baseline: psql \copy of the rows into bench.protection_record_copy, a table made LIKE
#             protection_record INCLUDING ALL (same columns, constraints and indexes), emptied first;
#   service:  POST /api/v1/uploads of the JSON file (CONTRACT §7), then GET /api/v1/uploads/{id}
#             every 0.2 s until 200; checks the acknowledgement (CPF02, every record loaded).
# Prints the store (POST) and total times, the CPU time the service and PostgreSQL spent on the upload,
# the ratio upload/COPY, and the service's peak RSS.
#
# Environment: BENCH_RECORDS (250000), BENCH_ROUNDS (2), JAVA_OPTS, BENCH_KEEP=1.
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
need curl jq java python3

RECORDS=${BENCH_RECORDS:-250000}
ROUNDS=${BENCH_ROUNDS:-2}

pg_start
app_start
admin=$(token ADMIN)
psql -q -v ON_ERROR_STOP=1 -f "$BENCH_HOME/sql/functions.sql" >/dev/null
psql -q -v ON_ERROR_STOP=1 -c 'CREATE TABLE bench.protection_record_copy (LIKE protection_record INCLUDING ALL)'
COLUMNS="id, la_ods_code, nhs_number, plan_type, start_date, end_date, explicit_delete_date, family_name, given_names,
         date_of_birth, local_id, lac_legal_status, school_urn, gp_practice_ods_code, postcode, withdrawn_on, delete_date"

now() { date +%s.%N; }
since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN {printf "%.1f", now - then}'; }

machine_line
ratios=()
for round in $(seq 1 "$ROUNDS"); do
    la=$((700 + round))
    api PUT "/api/v1/organisations/$la" "$admin" -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"name\":\"Bench Upload LA $la\",\"type\":\"LOCAL_AUTHORITY\",\"emergencyDutyPhone\":\"0300 000 $la\",\"meshMailboxId\":\"X26LA$la\",\"meshMailboxPassword\":\"password\"}"
    python3 "$BENCH_HOME/tools/upload-files.py" "$RECORDS" "$la" "$WORK/upload-$la.json" "$WORK/copy-$la.csv"
    size=$(du -m "$WORK/upload-$la.json" | cut -f1)

    psql -q -c 'TRUNCATE bench.protection_record_copy' -c CHECKPOINT
    started=$(now)
    psql -q -v ON_ERROR_STOP=1 -c "\\copy bench.protection_record_copy ($COLUMNS) FROM '$WORK/copy-$la.csv' WITH (FORMAT csv)"
    copy_s=$(since "$started")

    la_token=$(token LA "$la")
    psql -q -c CHECKPOINT
    app_before=$(app_cpu_ticks)
    pg_before=$(pg_cpu_ticks)
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
    cpu_s() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'; }
    app_cpu=$(cpu_s $(( $(app_cpu_ticks) - app_before )))
    pg_cpu=$(cpu_s $(( $(pg_cpu_ticks) - pg_before )))
    status=$(jq -r '.fileStatus' "$WORK/ack-$la.json")
    loaded=$(jq -r '.loaded' "$WORK/ack-$la.json")
    [ "$loaded" = "$RECORDS" ] || die "the upload loaded $loaded of $RECORDS records ($status)"
    ratio=$(awk -v a="$upload_s" -v b="$copy_s" 'BEGIN {printf "%.0f", a / b}')
    ratios+=("$ratio")
    printf 'round %d: %s records (%s MB JSON), LA %s: COPY %s s | upload stored in %s s, answered %s (%s loaded) after %s s (%.0f records/s; CPU: service %s s, PostgreSQL %s s) | ratio %s\n' \
        "$round" "$RECORDS" "$size" "$la" "$copy_s" "$store_s" "$status" "$loaded" "$upload_s" \
        "$(awk -v n="$RECORDS" -v s="$upload_s" 'BEGIN {print n / s}')" "$app_cpu" "$pg_cpu" "$ratio"
done
rss=$(app_peak_rss_mib)
printf 'SUMMARY upload: %s records; ratio upload/COPY per round: %s (budget <= 10); service peak RSS %s MiB (budget <= 768)\n' \
    "$RECORDS" "${ratios[*]}" "$rss"
