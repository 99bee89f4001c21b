package org.opencpis.application.alert.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.shared.OdsCode;

/**
 * Access to Service Notifications: the LA's inbox and the transactional outbox of their delivery.
 * Every method joins the caller's transaction.
 *
 * <p>Delivery: a stored notification is due at once. {@link #claimDue} claims due notifications
 * for one relay with {@code FOR UPDATE SKIP LOCKED} and a lease, so concurrent relays (several
 * instances) never claim the same one; a claim whose lease ran out (a relay that died) is due
 * again. A claimed notification ends {@link #markDelivered delivered} or {@link #retryLater
 * scheduled again}. Acknowledgement by the LA is independent of delivery.
 */
public interface AccessNotifications {

    void store(List<AccessNotification> notifications);

    /** The LA's unacknowledged notifications, oldest access first (ties by id). */
    Page<AccessNotification> unacknowledged(OdsCode localAuthority, PageRequest page);

    /** Acknowledges those of the ids that are the LA's and not yet acknowledged; returns how many. */
    int acknowledge(OdsCode localAuthority, Collection<UUID> ids, Instant at);

    /**
     * Claims up to {@code limit} undelivered notifications due at {@code now}, oldest first, for
     * {@code lease}; each claim counts as one more delivery attempt.
     */
    List<ClaimedNotification> claimDue(Instant now, Duration lease, int limit);

    void markDelivered(UUID notificationId, Instant at);

    /** Releases the claim and makes the notification due again at {@code dueAt}. */
    void retryLater(UUID notificationId, Instant dueAt);

    /** A notification claimed for delivery, with how many attempts (this one included) it has had. */
    record ClaimedNotification(AccessNotification notification, int attempt) {
    }
}
