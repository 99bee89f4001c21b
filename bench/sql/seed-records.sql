-- Seeds :records protection records of :persons people over :las local authorities (ODS 601..),
-- exactly as an upload by each LA would have stored them (PDS stub answering "match": nothing of
-- PDS is stored), with their PLAN_RECORD audit entries appended to the hash chain.
--   person j (0 <= j < :persons) has one record, with LA 601 + j % :las;
--   the remaining :records - :persons records are second records of every k-th person, under the
--   next LA and the other plan type (CPP <-> LAC), so some queries notify two LAs;
--   plan types: 50% CPP, 40% LAC (legal status S31), 10% UCPP; every 20th person's plan ended
--   10 days ago (still visible).
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed ON COMMIT DROP AS
SELECT r, j, second,
       (601 + CASE WHEN second THEN (j + 1) % :las ELSE j % :las END)::text AS la,
       CASE WHEN second THEN CASE WHEN j % 10 < 5 THEN 'LAC' ELSE 'CPP' END
            WHEN j % 10 < 5 THEN 'CPP' WHEN j % 10 < 9 THEN 'LAC' ELSE 'UCPP' END AS plan_type,
       CASE WHEN NOT second AND j % 20 = 0 THEN current_date - 10 END AS end_date
FROM (SELECT r, r >= :persons AS second,
             CASE WHEN r < :persons THEN r ELSE (r - :persons) * (:persons / greatest(:records - :persons, 1)) END AS j
      FROM generate_series(0, :records - 1) r) g;

INSERT INTO protection_record (id, la_ods_code, nhs_number, plan_type, start_date, end_date, explicit_delete_date,
                               family_name, given_names, date_of_birth, local_id, lac_legal_status, school_urn,
                               gp_practice_ods_code, postcode, withdrawn_on, delete_date)
SELECT gen_random_uuid(), la, bench.nhs(j), plan_type, date '2025-01-01' + (j % 300), end_date, NULL,
       'Bench', ARRAY['Child', 'J' || j], date '2012-01-01' + (j % 4000), 'L' || r,
       CASE WHEN plan_type = 'LAC' THEN 'S31' END, NULL, NULL, NULL, NULL,
       end_date + CASE WHEN plan_type = 'UCPP' THEN 28 ELSE 364 END
FROM seed ORDER BY r;

-- The audit entries an upload appends: one PLAN_RECORD:<type> CREATED per record, by the LA.
DO $$
DECLARE
    seq bigint;
    prev text;
    base timestamptz := date_trunc('second', now()) - interval '1 day';
    at timestamptz;
    h text;
    rec record;
BEGIN
    SELECT last_sequence, last_hash INTO seq, prev FROM audit_head WHERE id = 1 FOR UPDATE;
    FOR rec IN SELECT r, la, bench.nhs(j) AS nhs, plan_type FROM seed ORDER BY r LOOP
        seq := seq + 1;
        at := base + rec.r * interval '1 millisecond';
        h := bench.audit_hash(seq, at, 'bench-la-' || rec.la, rec.la, 'LA', NULL, 'PLAN_RECORD:' || rec.plan_type,
                              rec.nhs, 'bench-seed', 'CREATED', prev);
        INSERT INTO audit_entry (sequence, at, actor_subject, actor_organisation, actor_role, actor_role_profile_id,
                                 action, nhs_number, request_id, outcome, previous_hash, hash)
        VALUES (seq, at, 'bench-la-' || rec.la, rec.la, 'LA', NULL, 'PLAN_RECORD:' || rec.plan_type, rec.nhs,
                'bench-seed', 'CREATED', prev, h);
        prev := h;
    END LOOP;
    UPDATE audit_head SET last_sequence = seq, last_hash = prev WHERE id = 1;
END
$$;
COMMIT;
VACUUM ANALYZE;
