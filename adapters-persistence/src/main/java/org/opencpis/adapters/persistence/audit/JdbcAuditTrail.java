package org.opencpis.adapters.persistence.audit;

import static org.opencpis.adapters.persistence.shared.Columns.getInstant;
import static org.opencpis.adapters.persistence.shared.Columns.parse;
import static org.opencpis.adapters.persistence.shared.Columns.setInstant;
import static org.opencpis.adapters.persistence.shared.Columns.text;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
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
 * The audit trail in {@code audit_entry}. Each append locks the one-row {@code audit_head} until the
 * caller's transaction ends, which serialises appends and hands out gap-free sequence numbers with
 * the previous entry's hash; then one statement inserts the entry and moves the head. Times are stored to the microsecond, as the chain hashes them.
 */
@Singleton
public final class JdbcAuditTrail implements AuditTrail {
    private static final String LOCK_HEAD = "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String COLUMNS = """
            sequence, at, actor_subject, actor_organisation, actor_role, actor_role_profile_id, action, nhs_number,
            request_id, outcome, previous_hash, hash""";
    /**
     * Inserts the entry and moves the head to it in one statement: the head stays locked from
     * {@link #LOCK_HEAD} until the transaction ends, so each round trip in between lengthens the
     * section every append waits for.
     */
    private static final String INSERT_AND_MOVE_HEAD = "WITH entry AS (INSERT INTO audit_entry (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence, hash)"
            + " UPDATE audit_head SET last_sequence = entry.sequence, last_hash = entry.hash FROM entry WHERE audit_head.id = 1";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM audit_entry";
    private static final int FETCH_SIZE = 500;

    private final JdbcOperations jdbc;

    public JdbcAuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ChainedAuditEntry append(AuditEntry entry) {
        ChainedAuditEntry chained = jdbc.prepareStatement(LOCK_HEAD, statement -> {
            try (ResultSet head = statement.executeQuery()) {
                if (!head.next()) {
                    throw new IllegalStateException("audit_head has no row: the database was not migrated");
                }
                return AuditChain.append(head.getLong("last_sequence") + 1, toMicros(entry), head.getString("last_hash"));
            }
        });
        int moved = jdbc.prepareStatement(INSERT_AND_MOVE_HEAD, statement -> {
            bind(statement, chained);
            return statement.executeUpdate();
        });
        if (moved != 1) {
            throw new IllegalStateException("audit_head has no row: the database was not migrated");
        }
        return chained;
    }

    @Override
    public Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
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
        return jdbc.prepareStatement("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1", statement -> {
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("audit_head has no row: the database was not migrated");
                }
                return new Head(row.getLong(1), row.getString(2));
            }
        });
    }

    @Override
    public void forEachInSequence(Consumer<ChainedAuditEntry> visitor) {
        jdbc.prepareStatement(SELECT + " ORDER BY sequence", statement -> {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    visitor.accept(read(row));
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement statement, ChainedAuditEntry chained) throws SQLException {
        AuditEntry entry = chained.entry();
        Actor actor = entry.actor();
        statement.setLong(1, chained.sequence());
        setInstant(statement, 2, entry.at());
        statement.setString(3, actor.subject());
        statement.setString(4, actor.organisation().value());
        statement.setString(5, actor.role());
        statement.setString(6, actor.roleProfileId());
        statement.setString(7, entry.action());
        statement.setString(8, text(entry.nhsNumber(), NhsNumber::value));
        statement.setString(9, entry.requestId());
        statement.setString(10, entry.outcome());
        statement.setString(11, chained.previousHash());
        statement.setString(12, chained.hash());
    }

    private static ChainedAuditEntry read(ResultSet row) throws SQLException {
        Actor actor = new Actor(
                row.getString("actor_subject"),
                new OdsCode(row.getString("actor_organisation")),
                row.getString("actor_role"),
                row.getString("actor_role_profile_id"));
        AuditEntry entry = new AuditEntry(
                getInstant(row, "at"),
                actor,
                row.getString("action"),
                parse(row, "nhs_number", NhsNumber::new),
                row.getString("request_id"),
                row.getString("outcome"));
        return new ChainedAuditEntry(row.getLong("sequence"), entry, row.getString("previous_hash"), row.getString("hash"));
    }

    private static AuditEntry toMicros(AuditEntry entry) {
        return new AuditEntry(entry.at().truncatedTo(ChronoUnit.MICROS), entry.actor(), entry.action(),
                entry.nhsNumber(), entry.requestId(), entry.outcome());
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
