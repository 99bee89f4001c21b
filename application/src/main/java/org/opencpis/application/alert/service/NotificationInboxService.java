package org.opencpis.application.alert.service;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.alert.port.in.AcknowledgeNotificationsUseCase;
import org.opencpis.application.alert.port.in.ReadNotificationsUseCase;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.shared.DomainViolation;

/** A local authority's own notifications: listing (each one read is audited) and bulk acknowledgement. */
public final class NotificationInboxService implements ReadNotificationsUseCase, AcknowledgeNotificationsUseCase {
    private final AccessNotifications notifications;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public NotificationInboxService(AccessNotifications notifications, AuditTrail audit, Transactions transactions, Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<AccessNotification> unacknowledged(RequestContext context, PageRequest page) {
        return transactions.inTransaction(() -> {
            Page<AccessNotification> found = notifications.unacknowledged(context.actor().organisation(), page);
            found.items().forEach(notification -> audit.append(new AuditEntry(clock.instant(), context.actor(),
                    "NOTIFICATION_READ", notification.access().nhsNumber(), context.requestId(), "FOUND")));
            return found;
        });
    }

    @Override
    public int acknowledge(RequestContext context, Set<UUID> notificationIds) {
        if (notificationIds.isEmpty() || notificationIds.size() > MAX_IDS) {
            throw new DomainViolation("INVALID_IDS", "ids", "give 1 to " + MAX_IDS + " notification ids");
        }
        return transactions.inTransaction(() -> {
            int acknowledged = notifications.acknowledge(context.actor().organisation(), notificationIds, clock.instant());
            audit.append(new AuditEntry(clock.instant(), context.actor(), "NOTIFICATION_ACKNOWLEDGE", null,
                    context.requestId(), "ACKNOWLEDGED:" + acknowledged));
            return acknowledged;
        });
    }
}
