package org.opencpis.adapters.persistence.cohort;

import static org.opencpis.adapters.persistence.shared.Columns.setTextArray;
import static org.opencpis.adapters.persistence.shared.Columns.setInstant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencpis.adapters.persistence.plan.JdbcProtectionRecords;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortCriteria;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.postgresql.PGStatement;

/**
 * Cohorts in {@code cohort}, {@code cohort_criterion}, {@code record_placement},
 * {@code cohort_member} and {@code cohort_change} (V6). Locks: a person by a transaction-scoped
 * advisory lock on their NHS number; cohorts by row locks ({@code FOR UPDATE} for membership
 * writers, {@code FOR SHARE} for readers).
 */
@Singleton
public final class JdbcCohorts implements Cohorts {
    private static final String UPSERT = """
            INSERT INTO cohort (id, owner_ods_code, name, defined_at, push_due_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET owner_ods_code = EXCLUDED.owner_ods_code, name = EXCLUDED.name,
                defined_at = EXCLUDED.defined_at
            RETURNING (xmax = 0) AS created""";
    private static final String COHORT = """
            SELECT c.id, c.owner_ods_code, c.name,
                   array_agg(k.kind ORDER BY k.kind, k.value) AS kinds, array_agg(k.value ORDER BY k.kind, k.value) AS vals
            FROM cohort c JOIN cohort_criterion k ON k.cohort_id = c.id""";
    private static final String FIND = COHORT + " WHERE c.id = ? GROUP BY c.id";
    static final String HAVING_ANY = COHORT + """
             WHERE c.id IN (SELECT cohort_id FROM cohort_criterion WHERE (kind, value) IN
                            (SELECT * FROM unnest(?::text[], ?::text[])))
            GROUP BY c.id""";
    /**
     * Each person's records, and each record's placements, by index lookups of their own: joins (or
     * {@code = ANY}) let PostgreSQL choose a scan of every record or placement when its statistics lag
     * behind a large upload (seen: a batch's read grew with the table until autovacuum analysed it).
     */
    static final String PLACED_RECORDS = "SELECT " + qualified() + """
            , coalesce(p.kinds, '{}') AS kinds, coalesce(p.vals, '{}') AS vals
            FROM (SELECT DISTINCT unnest(?::text[])) AS person (nhs_number)
            CROSS JOIN LATERAL (
                SELECT * FROM protection_record WHERE nhs_number = person.nhs_number AND withdrawn_on IS NULL OFFSET 0) r
            LEFT JOIN LATERAL (
                SELECT array_agg(kind) AS kinds, array_agg(value) AS vals FROM record_placement WHERE record_id = r.id) p ON true
            ORDER BY r.nhs_number, r.plan_type""";
    /** As {@link #PLACED_RECORDS}, one index lookup a person. */
    private static final String MEMBERSHIPS = """
            SELECT person.nhs_number, m.cohort_id FROM (SELECT DISTINCT unnest(?::text[])) AS person (nhs_number)
            CROSS JOIN LATERAL (SELECT cohort_id FROM cohort_member WHERE nhs_number = person.nhs_number OFFSET 0) m""";
    static final String PLACED_BY = """
            SELECT DISTINCT r.nhs_number FROM record_placement p JOIN protection_record r ON r.id = p.record_id
            WHERE (p.kind, p.value) IN (SELECT * FROM unnest(?::text[], ?::text[])) AND r.withdrawn_on IS NULL""";
    /** Transaction-scoped advisory locks, taken in NHS number order. */
    private static final String LOCK_PEOPLE = """
            SELECT pg_advisory_xact_lock(hashtextextended('cohort-person:' || nhs_number, 0))
            FROM (SELECT DISTINCT nhs_number FROM unnest(?::text[]) AS person (nhs_number) ORDER BY nhs_number) AS people""";
    private static final String CLAIM_PUSHES = """
            WITH due AS (
                SELECT c.id FROM cohort c
                WHERE c.push_due_at <= ? AND (c.push_claimed_until IS NULL OR c.push_claimed_until <= ?)
                  AND EXISTS (SELECT 1 FROM cohort_change x WHERE x.cohort_id = c.id AND x.cursor > c.pushed_cursor)
                ORDER BY c.push_due_at, c.id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE cohort target SET push_claimed_until = ?, push_attempts = target.push_attempts + 1
                FROM due WHERE target.id = due.id
                RETURNING target.id, target.owner_ods_code, target.pushed_cursor, target.push_attempts, target.push_due_at
            )
            SELECT * FROM claimed ORDER BY push_due_at, id""";

    private final JdbcOperations jdbc;

    public JdbcCohorts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The record columns, qualified by the alias {@code r}. */
    private static String qualified() {
        return String.join(", ", Arrays.stream(JdbcProtectionRecords.COLUMNS.split(",")).map(column -> "r." + column.strip()).toList());
    }

    @Override
    public boolean save(Cohort cohort, Instant at) {
        boolean created = jdbc.prepareStatement(UPSERT, statement -> {
            statement.setString(1, cohort.id().value());
            statement.setString(2, cohort.owner().value());
            statement.setString(3, cohort.name());
            setInstant(statement, 4, at);
            setInstant(statement, 5, at);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean("created");
            }
        });
        update("DELETE FROM cohort_criterion WHERE cohort_id = ?", statement -> statement.setString(1, cohort.id().value()));
        jdbc.prepareStatement("INSERT INTO cohort_criterion (cohort_id, kind, value) VALUES (?, ?, ?)", statement -> {
            for (Criterion criterion : cohort.criteria().all()) {
                statement.setString(1, cohort.id().value());
                statement.setString(2, criterion.kind().name());
                statement.setString(3, criterion.value());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        return created;
    }

    @Override
    public Optional<Cohort> find(CohortId id) {
        return jdbc.prepareStatement(FIND, statement -> {
            statement.setString(1, id.value());
            return readCohorts(statement).stream().findFirst();
        });
    }

    @Override
    public Optional<Cohort> findForRead(CohortId id) {
        boolean exists = jdbc.prepareStatement("SELECT id FROM cohort WHERE id = ? FOR SHARE", statement -> {
            statement.setString(1, id.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        });
        return exists ? find(id) : Optional.empty();
    }

    @Override
    public List<Cohort> havingAny(Collection<Criterion> criteria) {
        return jdbc.prepareStatement(HAVING_ANY, statement -> {
            bindCriteria(statement, 1, criteria);
            return readCohorts(statement);
        });
    }

    @Override
    public void lockPeople(Collection<NhsNumber> nhsNumbers) {
        if (nhsNumbers.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(LOCK_PEOPLE, statement -> {
            setTextArray(statement, 1, nhsNumbers, NhsNumber::value);
            statement.executeQuery().close();
            return null;
        });
    }

    @Override
    public void lockForChange(Collection<CohortId> ids) {
        jdbc.prepareStatement("SELECT id FROM cohort WHERE id = ANY (?) ORDER BY id FOR UPDATE", statement -> {
            setTextArray(statement, 1, ids, CohortId::value);
            statement.executeQuery().close();
            return null;
        });
    }

    @Override
    public Map<NhsNumber, Set<CohortId>> memberships(Collection<NhsNumber> nhsNumbers) {
        if (nhsNumbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(MEMBERSHIPS, statement -> {
            setTextArray(statement, 1, nhsNumbers, NhsNumber::value);
            Map<NhsNumber, Set<CohortId>> found = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.computeIfAbsent(new NhsNumber(row.getString(1)), k -> new HashSet<>()).add(new CohortId(row.getString(2)));
                }
            }
            return found;
        });
    }

    /** The joiners in one statement and the leavers in another, then the log in the moves' order in a third. */
    @Override
    public void move(List<Move> moves, Instant at) {
        List<Move> joiners = moves.stream().filter(Move::joins).toList();
        List<Move> leavers = moves.stream().filter(move -> !move.joins()).toList();
        if (!joiners.isEmpty()) {
            update("INSERT INTO cohort_member (cohort_id, nhs_number, since) SELECT *, ?::timestamptz FROM unnest(?::text[], ?::text[])",
                    statement -> {
                        setInstant(statement, 1, at);
                        bindMoves(statement, 2, joiners);
                    });
        }
        if (!leavers.isEmpty()) {
            int left = jdbc.prepareStatement("""
                    DELETE FROM cohort_member m USING unnest(?::text[], ?::text[]) AS leaver (cohort_id, nhs_number)
                    WHERE m.cohort_id = leaver.cohort_id AND m.nhs_number = leaver.nhs_number""", statement -> {
                bindMoves(statement, 1, leavers);
                return statement.executeUpdate();
            });
            if (left != leavers.size()) {
                throw new IllegalStateException(leavers.size() - left + " of " + leavers.size() + " leavers were not members");
            }
        }
        update("""
                INSERT INTO cohort_change (cohort_id, nhs_number, joined, changed_at)
                SELECT cohort_id, nhs_number, joined, ?::timestamptz
                FROM unnest(?::text[], ?::text[], ?::boolean[]) WITH ORDINALITY AS move (cohort_id, nhs_number, joined, position)
                ORDER BY position""", statement -> {
            setInstant(statement, 1, at);
            bindMoves(statement, 2, moves);
            statement.setArray(4, statement.getConnection().createArrayOf("boolean", moves.stream().map(Move::joins).toArray()));
        });
    }

    private static void bindMoves(PreparedStatement statement, int first, List<Move> moves) throws SQLException {
        setTextArray(statement, first, moves, move -> move.id().value());
        setTextArray(statement, first + 1, moves, move -> move.nhsNumber().value());
    }

    @Override
    public List<NhsNumber> members(CohortId id) {
        return jdbc.prepareStatement("SELECT nhs_number FROM cohort_member WHERE cohort_id = ? ORDER BY nhs_number", statement -> {
            statement.setString(1, id.value());
            List<NhsNumber> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new NhsNumber(row.getString(1)));
                }
            }
            return found;
        });
    }

    @Override
    public long latestCursor(CohortId id) {
        return jdbc.prepareStatement("SELECT coalesce(max(cursor), 0) FROM cohort_change WHERE cohort_id = ?", statement -> {
            statement.setString(1, id.value());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<MembershipChange> changesSince(CohortId id, long cursor) {
        return jdbc.prepareStatement("""
                SELECT cursor, nhs_number, joined FROM cohort_change WHERE cohort_id = ? AND cursor > ? ORDER BY cursor""",
                statement -> {
                    statement.setString(1, id.value());
                    statement.setLong(2, cursor);
                    List<MembershipChange> found = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            found.add(new MembershipChange(row.getLong(1), new NhsNumber(row.getString(2)), row.getBoolean(3)));
                        }
                    }
                    return found;
                });
    }

    @Override
    public void place(Map<UUID, Set<Criterion>> placements) {
        if (placements.isEmpty()) {
            return;
        }
        update("DELETE FROM record_placement WHERE record_id = ANY (?)", statement -> {
            // Planned afresh for each batch, never as a cached generic plan: the table grows from
            // nothing during a first upload, and a plan cached while it was small scans it whole
            // (75 ms a batch of 250 at 80,000 placements, measured by bench/run-upload.sh).
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", placements.keySet().toArray()));
        });
        placeNew(placements);
    }

    @Override
    public void placeNew(Map<UUID, Set<Criterion>> placements) {
        List<UUID> recordIds = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>();
        placements.forEach((recordId, placement) -> placement.forEach(criterion -> {
            recordIds.add(recordId);
            criteria.add(criterion);
        }));
        if (criteria.isEmpty()) {
            return;
        }
        update("INSERT INTO record_placement (record_id, kind, value) SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[])",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid", recordIds.toArray()));
                    bindCriteria(statement, 2, criteria);
                });
    }

    @Override
    public List<PlacedRecord> placedRecords(Collection<NhsNumber> nhsNumbers) {
        if (nhsNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(PLACED_RECORDS, statement -> {
            setTextArray(statement, 1, nhsNumbers, NhsNumber::value);
            List<PlacedRecord> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new PlacedRecord(JdbcProtectionRecords.read(row), Set.copyOf(criteria(row))));
                }
            }
            return found;
        });
    }

    @Override
    public Set<NhsNumber> placedBy(Collection<Criterion> criteria) {
        return jdbc.prepareStatement(PLACED_BY, statement -> {
            bindCriteria(statement, 1, criteria);
            Set<NhsNumber> found = new HashSet<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new NhsNumber(row.getString(1)));
                }
            }
            return found;
        });
    }

    @Override
    public List<OutboxRelay.Claim<PushDue>> claimDuePushes(Instant now, Duration lease, int limit) {
        return jdbc.prepareStatement(CLAIM_PUSHES, statement -> {
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setInt(3, limit);
            setInstant(statement, 4, now.plus(lease));
            List<OutboxRelay.Claim<PushDue>> claimed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.add(new OutboxRelay.Claim<>(new PushDue(new CohortId(row.getString("id")),
                            new OdsCode(row.getString("owner_ods_code")), row.getLong("pushed_cursor")),
                            row.getInt("push_attempts")));
                }
            }
            return claimed;
        });
    }

    @Override
    public void markPushed(CohortId id, long cursor, Instant at) {
        update("""
                UPDATE cohort SET pushed_cursor = greatest(pushed_cursor, ?), push_claimed_until = NULL, push_attempts = 0
                WHERE id = ?""", statement -> {
            statement.setLong(1, cursor);
            statement.setString(2, id.value());
        });
    }

    @Override
    public void retryPushLater(CohortId id, Instant dueAt) {
        update("UPDATE cohort SET push_due_at = ?, push_claimed_until = NULL WHERE id = ?", statement -> {
            setInstant(statement, 1, dueAt);
            statement.setString(2, id.value());
        });
    }

    private void update(String sql, Binder binder) {
        jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void bindCriteria(PreparedStatement statement, int first, Collection<Criterion> criteria) throws SQLException {
        setTextArray(statement, first, criteria, c -> c.kind().name());
        setTextArray(statement, first + 1, criteria, Criterion::value);
    }

    private static List<Criterion> criteria(ResultSet row) throws SQLException {
        String[] kinds = (String[]) row.getArray("kinds").getArray();
        String[] values = (String[]) row.getArray("vals").getArray();
        List<Criterion> criteria = new ArrayList<>(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            criteria.add(new Criterion(Criterion.Kind.valueOf(kinds[i]), values[i]));
        }
        return criteria;
    }

    private static List<Cohort> readCohorts(PreparedStatement statement) throws SQLException {
        List<Cohort> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                found.add(new Cohort(new CohortId(row.getString("id")), new OdsCode(row.getString("owner_ods_code")),
                        row.getString("name"), CohortCriteria.of(criteria(row))));
            }
        }
        return found;
    }
}
