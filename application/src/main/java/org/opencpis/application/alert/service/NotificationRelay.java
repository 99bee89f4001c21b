package org.opencpis.application.alert.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.alert.port.in.DeliverNotificationsUseCase;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.alert.port.out.AccessNotifications.ClaimedNotification;
import org.opencpis.application.alert.port.out.MessagingUnavailable;
import org.opencpis.application.alert.port.out.SpineMessaging;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.organisation.Organisation;

/**
 * The outbox relay. A pass claims due notifications in one short transaction, sends each outside
 * any transaction, then records the outcome in another: delivered, or due again after an
 * exponential back-off (5 s doubling, at most an hour). Any failure of one send — expected or not
 * — only delays that notification; the others still go.
 *
 * <p>No send starts unless at least {@link #SEND_BUDGET} of the claim's lease is left, so a slow
 * pass never sends a notification another instance may have claimed since; what it could not
 * start is released at once. A relay that dies between sending and recording leaves a claim
 * that expires, so that notification is sent again with the same idempotency key: delivery is
 * at least once, never lost.
 *
 * <p>A send that succeeded but could not be recorded (the database went away in between) is
 * remembered by this relay, and recorded by its next passes without being sent again: a database
 * outage alone never duplicates a notification. Only a relay that dies in that window forgets it.
 */
public final class NotificationRelay implements DeliverNotificationsUseCase {
    private static final System.Logger LOG = System.getLogger(NotificationRelay.class.getName());
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final Duration SEND_BUDGET = Duration.ofSeconds(30);
    static final int BATCH = 100;

    private final AccessNotifications notifications;
    private final Organisations organisations;
    private final SpineMessaging messaging;
    private final Transactions transactions;
    private final Clock clock;
    /** Sent, but not yet recorded as delivered: recorded by a later pass, never sent again by this relay. */
    private final Set<UUID> sentUnrecorded = ConcurrentHashMap.newKeySet();

    public NotificationRelay(AccessNotifications notifications, Organisations organisations, SpineMessaging messaging,
                             Transactions transactions, Clock clock) {
        this.notifications = notifications;
        this.organisations = organisations;
        this.messaging = messaging;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int deliverDue() {
        recordSentEarlier();
        Instant claimedAt = clock.instant();
        Instant lastStart = claimedAt.plus(LEASE).minus(SEND_BUDGET);
        List<ClaimedNotification> claimed = transactions.inTransaction(() -> notifications.claimDue(claimedAt, LEASE, BATCH));
        int delivered = 0;
        for (ClaimedNotification claim : claimed) {
            if (clock.instant().isAfter(lastStart)) {
                transactions.run(() -> notifications.retryLater(claim.notification().notificationId(), clock.instant()));
            } else if (deliver(claim)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Records the sends of earlier passes that could not be recorded then; stops at the first that still cannot. */
    private void recordSentEarlier() {
        for (UUID id : List.copyOf(sentUnrecorded)) {
            transactions.run(() -> notifications.markDelivered(id, clock.instant()));
            sentUnrecorded.remove(id);
        }
    }

    private boolean deliver(ClaimedNotification claim) {
        var notification = claim.notification();
        UUID id = notification.notificationId();
        if (!sentUnrecorded.contains(id) && !send(claim)) {
            return false;
        }
        try {
            transactions.run(() -> notifications.markDelivered(id, clock.instant()));
            sentUnrecorded.remove(id);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Notification " + id + " was sent but could not be recorded ("
                    + e.getClass().getSimpleName() + "); it will be recorded, not sent again");
            return false;
        }
    }

    /** Sends the notification; false (and due again after the back-off) when it could not be sent. */
    private boolean send(ClaimedNotification claim) {
        var notification = claim.notification();
        try {
            Optional<Organisation> recipient = transactions.inTransaction(() -> organisations.find(notification.localAuthority()));
            messaging.sendAccessNotification(notification, recipient.orElseThrow(
                    () -> new MessagingUnavailable("local authority " + notification.localAuthority() + " is not registered")));
            sentUnrecorded.add(notification.notificationId());
            return true;
        } catch (MessagingUnavailable e) {
            LOG.log(System.Logger.Level.WARNING, "Notification " + notification.notificationId() + " not sent (attempt "
                    + claim.attempt() + "): " + e.getMessage() + "; next attempt in " + backOff(claim.attempt()));
            retryLater(claim);
            return false;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Notification " + notification.notificationId() + " could not be sent ("
                    + e.getClass().getSimpleName() + "); it will be retried");
            retryLater(claim);
            return false;
        }
    }

    private void retryLater(ClaimedNotification claim) {
        transactions.run(() -> notifications.retryLater(claim.notification().notificationId(),
                clock.instant().plus(backOff(claim.attempt()))));
    }

    /** 5 s after the first attempt, doubling with each further attempt, never more than an hour. */
    static Duration backOff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
