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
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.OdsCode;

/**
 * Notifications in {@code access_notification}, joined to their {@code access_event}, which must be
 * recorded first. A notification is due from its access time. Claims lock the due rows with
 * {@code FOR UPDATE SKIP LOCKED} and stamp a lease in the same statement, so a concurrent relay
 * neither waits for nor takes them. Times are kept to the microsecond.
 */
@Singleton
public final class JdbcAccessNotifications implements AccessNotifications {
    private static final String INSERT = """
            INSERT INTO access_notification (notification_id, la_ods_code, plan_type, access_event_id, accessed_at,
                acknowledged_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String NOTIFICATION_COLUMNS = "n.notification_id, n.la_ods_code, n.plan_type, n.acknowledged_at, "
            + JdbcAccessEvents.COLUMNS;
    private static final String UNACKNOWLEDGED = "SELECT " + NOTIFICATION_COLUMNS + """
             FROM access_notification n JOIN access_event e ON e.id = n.access_event_id
            WHERE n.la_ods_code = ? AND n.acknowledged_at IS NULL
            ORDER BY n.accessed_at, n.notification_id LIMIT ? OFFSET ?""";
    private static final String ACKNOWLEDGE = """
            UPDATE access_notification SET acknowledged_at = ?
            WHERE la_ods_code = ? AND notification_id = ANY (?) AND acknowledged_at IS NULL""";
    private static final String CLAIM_DUE = """
            WITH due AS (
                SELECT notification_id FROM access_notification
                WHERE delivered_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                ORDER BY due_at, notification_id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            ), n AS (
                UPDATE access_notification target SET claimed_until = ?, attempts = target.attempts + 1
                FROM due WHERE target.notification_id = due.notification_id
                RETURNING target.*
            )
            SELECT n.attempts, """ + NOTIFICATION_COLUMNS + """
             FROM n JOIN access_event e ON e.id = n.access_event_id
            ORDER BY n.due_at, n.notification_id""";
    private static final String MARK_DELIVERED = """
            UPDATE access_notification SET delivered_at = ?, claimed_until = NULL
            WHERE notification_id = ? AND delivered_at IS NULL""";
    private static final String RETRY_LATER = """
            UPDATE access_notification SET due_at = ?, claimed_until = NULL
            WHERE notification_id = ? AND delivered_at IS NULL""";

    private final JdbcOperations jdbc;

    public JdbcAccessNotifications(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(List<AccessNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT, statement -> {
            for (AccessNotification notification : notifications) {
                Instant accessedAt = micros(notification.access().accessedAt());
                statement.setObject(1, notification.notificationId());
                statement.setString(2, notification.localAuthority().value());
                statement.setString(3, notification.planType().name());
                statement.setObject(4, notification.access().id());
                setInstant(statement, 5, accessedAt);
                setInstant(statement, 6, micros(notification.acknowledgedAt()));
                setInstant(statement, 7, accessedAt);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    @Override
    public Page<AccessNotification> unacknowledged(OdsCode localAuthority, PageRequest page) {
        List<AccessNotification> rows = jdbc.prepareStatement(UNACKNOWLEDGED, statement -> {
            statement.setString(1, localAuthority.value());
            statement.setInt(2, page.size() + 1);
            statement.setLong(3, page.offset());
            List<AccessNotification> found = new ArrayList<>();
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
    public int acknowledge(OdsCode localAuthority, Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement(ACKNOWLEDGE, statement -> {
            setInstant(statement, 1, micros(at));
            statement.setString(2, localAuthority.value());
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            return statement.executeUpdate();
        });
    }

    @Override
    public List<ClaimedNotification> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.prepareStatement(CLAIM_DUE, statement -> {
            Instant at = micros(now);
            setInstant(statement, 1, at);
            setInstant(statement, 2, at);
            statement.setInt(3, limit);
            setInstant(statement, 4, micros(now.plus(lease)));
            List<ClaimedNotification> claimed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.add(new ClaimedNotification(read(row), row.getInt("attempts")));
                }
            }
            return claimed;
        });
    }

    @Override
    public void markDelivered(UUID notificationId, Instant at) {
        update(MARK_DELIVERED, notificationId, at);
    }

    @Override
    public void retryLater(UUID notificationId, Instant dueAt) {
        update(RETRY_LATER, notificationId, dueAt);
    }

    private void update(String sql, UUID notificationId, Instant at) {
        jdbc.prepareStatement(sql, statement -> {
            setInstant(statement, 1, micros(at));
            statement.setObject(2, notificationId);
            return statement.executeUpdate();
        });
    }

    private static AccessNotification read(ResultSet row) throws SQLException {
        return new AccessNotification(
                row.getObject("notification_id", UUID.class),
                new OdsCode(row.getString("la_ods_code")),
                PlanType.valueOf(row.getString("plan_type")),
                JdbcAccessEvents.read(row),
                getInstant(row, "acknowledged_at"));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
