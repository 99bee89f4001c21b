package org.opencpis.adapters.persistence.audit;

import static org.opencpis.adapters.persistence.shared.Columns.getInstant;
import static org.opencpis.adapters.persistence.shared.Columns.parse;
import static org.opencpis.adapters.persistence.shared.Columns.setInstant;
import static org.opencpis.adapters.persistence.shared.Columns.setTextArray;
import static org.opencpis.adapters.persistence.shared.Columns.text;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.audit.AuditChain;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * The audit trail in {@code audit_entry} (ADR 0012). An append is one insert of the entry, unchained:
 * appends take no lock, so they commit in parallel. Chaining locks the one-row {@code audit_head}
 * until the transaction ends, which serialises chainers; it takes the oldest unchained entries by
 * the order they were recorded ({@code id}), and one statement gives each its sequence number and
 * hashes and moves the head. Times are stored to the microsecond, as the chain hashes them.
 */
@Singleton
public final class JdbcAuditTrail implements AuditTrail {
    private static final String LOCK_HEAD = "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String FIELDS = """
            at, actor_subject, actor_organisation, actor_role, actor_role_profile_id, action, nhs_number, request_id, outcome""";
    private static final String INSERT = "INSERT INTO audit_entry (" + FIELDS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Many entries in one statement, recorded (given their ids) in the order of the arrays. */
    private static final String INSERT_ALL = "INSERT INTO audit_entry (" + FIELDS + ") SELECT " + FIELDS
            + " FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS e (" + FIELDS + ", position) ORDER BY position";
    private static final String UNCHAINED = "SELECT id, " + FIELDS
            + " FROM audit_entry WHERE sequence IS NULL ORDER BY id LIMIT ?";
    /** Chains the entries and moves the head in one statement: the fewer round trips under the head's lock, the better. */
    private static final String CHAIN_AND_MOVE_HEAD = """
            WITH chained AS (
                UPDATE audit_entry SET sequence = c.sequence, previous_hash = c.previous_hash, hash = c.hash
                  FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS c(id, sequence, previous_hash, hash)
                 WHERE audit_entry.id = c.id AND audit_entry.sequence IS NULL
                RETURNING audit_entry.sequence)
            UPDATE audit_head SET last_sequence = ?, last_hash = ?
             WHERE id = 1 AND (SELECT count(*) FROM chained) = ?""";
    private static final String SELECT = "SELECT sequence, " + FIELDS + ", previous_hash, hash FROM audit_entry";
    private static final int FETCH_SIZE = 500;

    private final JdbcOperations jdbc;

    public JdbcAuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry entry) {
        jdbc.prepareStatement(INSERT, statement -> {
            bind(statement, entry);
            return statement.executeUpdate();
        });
    }

    @Override
    public void appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT_ALL, statement -> {
            setTextArray(statement, 1, entries, entry -> entry.at().truncatedTo(ChronoUnit.MICROS).toString());
            setTextArray(statement, 2, entries, entry -> entry.actor().subject());
            setTextArray(statement, 3, entries, entry -> entry.actor().organisation().value());
            setTextArray(statement, 4, entries, entry -> entry.actor().role());
            setTextArray(statement, 5, entries, entry -> entry.actor().roleProfileId());
            setTextArray(statement, 6, entries, AuditEntry::action);
            setTextArray(statement, 7, entries, entry -> text(entry.nhsNumber(), NhsNumber::value));
            setTextArray(statement, 8, entries, AuditEntry::requestId);
            setTextArray(statement, 9, entries, AuditEntry::outcome);
            return statement.executeUpdate();
        });
    }

    @Override
    public int chainRecorded(int limit) {
        Head head = jdbc.prepareStatement(LOCK_HEAD, statement -> readHead(statement.executeQuery()));
        List<Unchained> unchained = jdbc.prepareStatement(UNCHAINED, statement -> {
            statement.setInt(1, limit);
            List<Unchained> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Unchained(row.getLong("id"), readEntry(row)));
                }
            }
            return found;
        });
        if (unchained.isEmpty()) {
            return 0;
        }
        int size = unchained.size();
        Long[] ids = new Long[size];
        Long[] sequences = new Long[size];
        String[] previousHashes = new String[size];
        String[] hashes = new String[size];
        ChainedAuditEntry last = null;
        for (int i = 0; i < size; i++) {
            last = AuditChain.append(head.sequence() + 1 + i, unchained.get(i).entry(), last == null ? head.hash() : last.hash());
            ids[i] = unchained.get(i).id();
            sequences[i] = last.sequence();
            previousHashes[i] = last.previousHash();
            hashes[i] = last.hash();
        }
        ChainedAuditEntry newHead = last;
        int moved = jdbc.prepareStatement(CHAIN_AND_MOVE_HEAD, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            statement.setArray(2, connection.createArrayOf("bigint", sequences));
            statement.setArray(3, connection.createArrayOf("text", previousHashes));
            statement.setArray(4, connection.createArrayOf("text", hashes));
            statement.setLong(5, newHead.sequence());
            statement.setString(6, newHead.hash());
            statement.setInt(7, size);
            return statement.executeUpdate();
        });
        if (moved != 1) {
            // only this chainer holds the head, so an entry it read unchained cannot have been chained since
            throw new IllegalStateException("the audit chain could not be extended: entries changed under the head's lock");
        }
        return size;
    }

    @Override
    public Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE sequence IS NOT NULL");
        List<Object> parameters = new ArrayList<>();
        if (search.nhsNumber() != null) {
            sql.append(" AND nhs_number = ?");
            parameters.add(search.nhsNumber().value());
        }
        if (search.from() != null) {
            sql.append(" AND at >= ?");
            parameters.add(ceilingMicros(search.from()));
        }
        if (search.to() != null) {
            sql.append(" AND at < ?");
            parameters.add(ceilingMicros(search.to()));
        }
        sql.append(" ORDER BY sequence LIMIT ? OFFSET ?");
        List<ChainedAuditEntry> rows = jdbc.prepareStatement(sql.toString(), statement -> {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof Instant instant) {
                    setInstant(statement, index++, instant);
                } else {
                    statement.setString(index++, (String) parameter);
                }
            }
            statement.setInt(index++, page.size() + 1);
            statement.setLong(index, page.offset());
            List<ChainedAuditEntry> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(read(row));
                }
            }
            return found;
        });
        return Page.fromLookahead(rows, page.size());
    }

    @Override
    public Head head() {
        return jdbc.prepareStatement("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1",
                statement -> readHead(statement.executeQuery()));
    }

    @Override
    public void forEachInSequence(Consumer<ChainedAuditEntry> visitor) {
        jdbc.prepareStatement(SELECT + " WHERE sequence IS NOT NULL ORDER BY sequence", statement -> {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    visitor.accept(read(row));
                }
            }
            return null;
        });
    }

    private static Head readHead(ResultSet row) throws SQLException {
        try (row) {
            if (!row.next()) {
                throw new IllegalStateException("audit_head has no row: the database was not migrated");
            }
            return new Head(row.getLong("last_sequence"), row.getString("last_hash"));
        }
    }

    private static void bind(PreparedStatement statement, AuditEntry entry) throws SQLException {
        Actor actor = entry.actor();
        setInstant(statement, 1, entry.at().truncatedTo(ChronoUnit.MICROS));
        statement.setString(2, actor.subject());
        statement.setString(3, actor.organisation().value());
        statement.setString(4, actor.role());
        statement.setString(5, actor.roleProfileId());
        statement.setString(6, entry.action());
        statement.setString(7, text(entry.nhsNumber(), NhsNumber::value));
        statement.setString(8, entry.requestId());
        statement.setString(9, entry.outcome());
    }

    private static AuditEntry readEntry(ResultSet row) throws SQLException {
        Actor actor = new Actor(
                row.getString("actor_subject"),
                new OdsCode(row.getString("actor_organisation")),
                row.getString("actor_role"),
                row.getString("actor_role_profile_id"));
        return new AuditEntry(
                getInstant(row, "at"),
                actor,
                row.getString("action"),
                parse(row, "nhs_number", NhsNumber::new),
                row.getString("request_id"),
                row.getString("outcome"));
    }

    private static ChainedAuditEntry read(ResultSet row) throws SQLException {
        return new ChainedAuditEntry(row.getLong("sequence"), readEntry(row), row.getString("previous_hash"), row.getString("hash"));
    }

    private record Unchained(long id, AuditEntry entry) {
    }

    /**
     * The first whole microsecond at or after {@code instant}: stored times are whole microseconds, so
     * comparing them with it gives the same answer as comparing with {@code instant} itself.
     */
    private static Instant ceilingMicros(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
    }
}
