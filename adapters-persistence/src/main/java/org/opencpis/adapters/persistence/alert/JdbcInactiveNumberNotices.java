package org.opencpis.adapters.persistence.alert;

import static org.opencpis.adapters.persistence.shared.Columns.getInstant;
import static org.opencpis.adapters.persistence.shared.Columns.setInstant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * Notices in {@code inactive_number_notice}; the unique (LA, number, replacement) constraint makes
 * storing idempotent. Claims work as {@link JdbcAccessNotifications}' do: {@code FOR UPDATE SKIP
 * LOCKED} and a lease stamped in the same statement.
 */
@Singleton
public final class JdbcInactiveNumberNotices implements InactiveNumberNotices {
    private static final String INSERT = """
            INSERT INTO inactive_number_notice (notice_id, la_ods_code, nhs_number, superseded_by, plan_types, local_ids,
                detected_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT inactive_number_notice_once DO NOTHING""";
    private static final String CLAIM_DUE = """
            WITH due AS (
                SELECT notice_id FROM inactive_number_notice
                WHERE delivered_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                ORDER BY due_at, notice_id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE inactive_number_notice target SET claimed_until = ?, attempts = target.attempts + 1
                FROM due WHERE target.notice_id = due.notice_id
                RETURNING target.*
            )
            SELECT * FROM claimed ORDER BY due_at, notice_id""";
    private static final String MARK_DELIVERED = """
            UPDATE inactive_number_notice SET delivered_at = ?, claimed_until = NULL
            WHERE notice_id = ? AND delivered_at IS NULL""";
    private static final String RETRY_LATER = """
            UPDATE inactive_number_notice SET due_at = ?, claimed_until = NULL
            WHERE notice_id = ? AND delivered_at IS NULL""";

    private final JdbcOperations jdbc;

    public JdbcInactiveNumberNotices(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean storeIfNew(InactiveNumberNotice notice) {
        Instant detectedAt = micros(notice.detectedAt());
        return jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, notice.noticeId());
            statement.setString(2, notice.localAuthority().value());
            statement.setString(3, notice.nhsNumber().value());
            statement.setString(4, notice.supersededBy().value());
            statement.setArray(5, statement.getConnection().createArrayOf("text",
                    notice.records().stream().map(record -> record.planType().name()).toArray()));
            statement.setArray(6, statement.getConnection().createArrayOf("text",
                    notice.records().stream().map(InactiveNumberNotice.HeldRecord::localId).toArray()));
            setInstant(statement, 7, detectedAt);
            setInstant(statement, 8, detectedAt);
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public List<OutboxRelay.Claim<InactiveNumberNotice>> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.prepareStatement(CLAIM_DUE, statement -> {
            Instant at = micros(now);
            setInstant(statement, 1, at);
            setInstant(statement, 2, at);
            statement.setInt(3, limit);
            setInstant(statement, 4, micros(now.plus(lease)));
            List<OutboxRelay.Claim<InactiveNumberNotice>> claimed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.add(new OutboxRelay.Claim<>(read(row), row.getInt("attempts")));
                }
            }
            return claimed;
        });
    }

    @Override
    public void markDelivered(UUID noticeId, Instant at) {
        update(MARK_DELIVERED, noticeId, at);
    }

    @Override
    public void retryLater(UUID noticeId, Instant dueAt) {
        update(RETRY_LATER, noticeId, dueAt);
    }

    private void update(String sql, UUID noticeId, Instant at) {
        jdbc.prepareStatement(sql, statement -> {
            setInstant(statement, 1, micros(at));
            statement.setObject(2, noticeId);
            return statement.executeUpdate();
        });
    }

    private static InactiveNumberNotice read(ResultSet row) throws SQLException {
        String[] planTypes = (String[]) row.getArray("plan_types").getArray();
        String[] localIds = (String[]) row.getArray("local_ids").getArray();
        List<InactiveNumberNotice.HeldRecord> records = new ArrayList<>(planTypes.length);
        for (int i = 0; i < planTypes.length; i++) {
            records.add(new InactiveNumberNotice.HeldRecord(PlanType.valueOf(planTypes[i]), localIds[i]));
        }
        return new InactiveNumberNotice(
                row.getObject("notice_id", UUID.class),
                new OdsCode(row.getString("la_ods_code")),
                new NhsNumber(row.getString("nhs_number")),
                new NhsNumber(row.getString("superseded_by")),
                records,
                getInstant(row, "detected_at"));
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
