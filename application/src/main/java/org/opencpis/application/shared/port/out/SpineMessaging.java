package org.opencpis.application.shared.port.out;

import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

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

    /**
     * Sends the acknowledgement of an upload (workflow {@code CPIS_UPLOAD_ACK}, CONTRACT §7) to the
     * LA's mailbox: the file-level fields and one entry per record, which {@code records} yields in
     * index order. {@code records} reads lazily, outside any transaction, so that an acknowledgement
     * of 250,000 records is never held whole by the caller; it may be iterated more than once. The
     * idempotency key is the acknowledgement's {@code uploadId}.
     *
     * <p>The default refuses, as messaging that cannot carry acknowledgements yet; the
     * acknowledgement then stays in its outbox and is retried.
     *
     * @throws MessagingUnavailable when it could not be sent now and should be retried later
     */
    default void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                           Organisation recipient) {
        throw new MessagingUnavailable("this Spine messaging cannot send upload acknowledgements");
    }

    /**
     * Sends an Inactive NHS Number Notification (workflow {@code CPIS_INACTIVE_NHS_NUMBER}) to the
     * LA's mailbox, with the notice id as the idempotency key. The default refuses, as messaging
     * that cannot carry these notices yet; the notice then stays in its outbox and is retried.
     *
     * @throws MessagingUnavailable when it could not be sent now and should be retried later
     */
    default void sendInactiveNumberNotice(InactiveNumberNotice notice, Organisation recipient) {
        throw new MessagingUnavailable("this Spine messaging cannot send inactive NHS number notifications");
    }

    /**
     * Sends a cohort's joiners and leavers (workflow {@code CPIS_COHORT}) to the owning 0-19
     * service's mailbox, with the cohort id and the changes' cursor as the idempotency key. The
     * default refuses; the changes then stay unpushed and are retried.
     *
     * @throws MessagingUnavailable when it could not be sent now and should be retried later
     */
    default void sendCohortChanges(CohortChanges changes, Organisation recipient) {
        throw new MessagingUnavailable("this Spine messaging cannot send cohort changes");
    }
}
