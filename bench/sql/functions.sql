-- Helpers of the benchmarks, in a schema of their own (never part of the service's migrations).
CREATE SCHEMA IF NOT EXISTS bench;

-- The j-th benchmark NHS number (j >= 0): nine digits 9000000000/10 + 10 j, the ninth bumped by one
-- when the Modulus 11 check would be 10, then the check digit. Distinct for every j < 10,000,000 and
-- always valid. bench/query.lua and bench/sql/query.pgbench compute the same numbers.
CREATE OR REPLACE FUNCTION bench.nhs(j integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH p AS (SELECT 900000000::bigint + 10 * j AS q),
         s AS (SELECT q, 10 * ((q / 100000000) % 10) + 9 * ((q / 10000000) % 10) + 8 * ((q / 1000000) % 10)
                       + 7 * ((q / 100000) % 10) + 6 * ((q / 10000) % 10) + 5 * ((q / 1000) % 10)
                       + 4 * ((q / 100) % 10) + 3 * ((q / 10) % 10) + 2 * (q % 10) AS s FROM p),
         a AS (SELECT CASE WHEN s % 11 = 1 THEN q + 1 ELSE q END AS q,
                      CASE WHEN s % 11 = 1 THEN s + 2 ELSE s END AS s FROM s)
    SELECT (q * 10 + (11 - s % 11) % 11)::text FROM a
$$;

-- AuditChain.hash in PL/pgSQL (its plans are cached per session, unlike SQL functions called from
-- PL/pgSQL): SHA-256 over the length-prefixed fields (absence distinct from empty), the time as
-- java.time.Instant.toString() prints a microsecond instant.
CREATE OR REPLACE FUNCTION bench.audit_hash(seq bigint, at timestamptz, subject text, organisation text, role text,
                                            role_profile text, action text, nhs text, request_id text, outcome text,
                                            previous text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    us bigint := extract(microseconds FROM at)::bigint % 1000000;
    instant text := to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN us = 0 THEN '' WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                ELSE '.' || lpad(us::text, 6, '0') END || 'Z';
    canonical text := '';
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY[seq::text, instant, subject, organisation, role, role_profile, action, nhs, request_id,
                             outcome, previous] LOOP
        canonical := canonical || CASE WHEN f IS NULL THEN '-;' ELSE length(f) || ':' || f || ';' END;
    END LOOP;
    RETURN encode(sha256(convert_to(canonical, 'UTF8')), 'hex');
END
$$;
