package org.opencpis.application.alert.port.out;

import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.organisation.Organisation;

/**
 * Sends messages to organisations' Spine (MESH) mailboxes. Never called inside a database
 * transaction. Delivery is at-least-once: a retried send carries the same
 * {@code notificationId} as its idempotency key (the MESH local id), so the receiver can tell a
 * repeat from a new notification.
 */
public interface SpineMessaging {

    /**
     * Sends the notification (workflow {@code CPIS_ASN}) to the LA's mailbox.
     *
     * @throws MessagingUnavailable when it could not be sent now and should be retried later
     */
    void sendAccessNotification(AccessNotification notification, Organisation recipient);
}
