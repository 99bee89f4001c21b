package org.opencpis.application.alert.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencpis.application.alert.port.in.DeliverNotificationsUseCase;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.organisation.Organisation;

/**
 * The outbox relay of Access to Service Notifications: an {@link OutboxRelay} over
 * {@link AccessNotifications}, sending each to its LA's mailbox with the notification id as the
 * idempotency key. A two-minute lease, of which a send may take 30 seconds.
 */
public final class NotificationRelay implements DeliverNotificationsUseCase {
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = OutboxRelay.FIRST_RETRY;
    static final Duration SEND_BUDGET = Duration.ofSeconds(30);
    static final int BATCH = 100;

    private final OutboxRelay<AccessNotification> relay;

    public NotificationRelay(AccessNotifications notifications, Organisations organisations, SpineMessaging messaging,
                             Transactions transactions, Clock clock) {
        this.relay = new OutboxRelay<>(new Notifications(notifications, organisations, messaging, transactions),
                new OutboxRelay.Timing(LEASE, SEND_BUDGET, BATCH), transactions, clock);
    }

    @Override
    public int deliverDue() {
        return relay.deliverDue();
    }

    static Duration backOff(int attempt) {
        return OutboxRelay.backOff(attempt);
    }

    private record Notifications(AccessNotifications notifications, Organisations organisations, SpineMessaging messaging,
                                 Transactions transactions) implements OutboxRelay.Outbox<AccessNotification> {

        @Override
        public List<OutboxRelay.Claim<AccessNotification>> claimDue(Instant now, Duration lease, int limit) {
            return notifications.claimDue(now, lease, limit).stream()
                    .map(claim -> new OutboxRelay.Claim<>(claim.notification(), claim.attempt()))
                    .toList();
        }

        @Override
        public void send(AccessNotification notification) {
            Organisation recipient = transactions.inTransaction(() -> organisations.recipient(notification.localAuthority()));
            messaging.sendAccessNotification(notification, recipient);
        }

        @Override
        public void markDelivered(AccessNotification notification, Instant at) {
            notifications.markDelivered(notification.notificationId(), at);
        }

        @Override
        public void retryLater(AccessNotification notification, Instant dueAt) {
            notifications.retryLater(notification.notificationId(), dueAt);
        }

        @Override
        public String key(AccessNotification notification) {
            return notification.notificationId().toString();
        }

        @Override
        public String describe(AccessNotification notification) {
            return "Notification " + key(notification);
        }
    }
}
