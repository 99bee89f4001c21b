package org.opencpis.application.upload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.alert.port.out.MessagingUnavailable;
import org.opencpis.application.alert.port.out.SpineMessaging;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.in.DeliverUploadAcknowledgementsUseCase;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.application.upload.port.out.Uploads.DueAcknowledgement;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * The outbox relay of upload acknowledgements, like the notification relay: a pass claims due
 * acknowledgements in one short transaction, sends each outside any transaction (its records read
 * a page at a time, each page in a short transaction of its own), then records the outcome:
 * delivered, or due again after an exponential back-off (5 s doubling, at most an hour).
 *
 * <p>No send starts unless at least {@link #SEND_BUDGET} of the claim's lease is left. A relay that
 * dies between sending and recording leaves a claim that expires, and the acknowledgement is sent
 * again with the same idempotency key (the upload id): at least once, never lost. An
 * acknowledgement sent but not recorded because the database went away is remembered, and
 * recorded by a later pass without being sent again.
 */
public final class UploadAcknowledgementRelay implements DeliverUploadAcknowledgementsUseCase {
    private static final System.Logger LOG = System.getLogger(UploadAcknowledgementRelay.class.getName());
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration SEND_BUDGET = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final int BATCH = 20;

    private final Uploads uploads;
    private final UploadResults results;
    private final Organisations organisations;
    private final SpineMessaging messaging;
    private final Transactions transactions;
    private final Clock clock;
    /** Sent, but not yet recorded as delivered: recorded by a later pass, never sent again by this relay. */
    private final Set<UUID> sentUnrecorded = ConcurrentHashMap.newKeySet();

    public UploadAcknowledgementRelay(Uploads uploads, UploadResults results, Organisations organisations,
                                      SpineMessaging messaging, Transactions transactions, Clock clock) {
        this.uploads = uploads;
        this.results = results;
        this.organisations = organisations;
        this.messaging = messaging;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int deliverDue() {
        for (UUID uploadId : List.copyOf(sentUnrecorded)) {
            transactions.run(() -> uploads.markAcknowledgementDelivered(uploadId, clock.instant()));
            sentUnrecorded.remove(uploadId);
        }
        Instant claimedAt = clock.instant();
        Instant lastStart = claimedAt.plus(LEASE).minus(SEND_BUDGET);
        List<DueAcknowledgement> claimed = transactions.inTransaction(
                () -> uploads.claimDueAcknowledgements(claimedAt, LEASE, BATCH));
        int delivered = 0;
        for (DueAcknowledgement due : claimed) {
            if (clock.instant().isAfter(lastStart)) {
                transactions.run(() -> uploads.retryAcknowledgementLater(due.acknowledgement().uploadId(), clock.instant()));
            } else if (deliver(due)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(DueAcknowledgement due) {
        UUID uploadId = due.acknowledgement().uploadId();
        if (!sentUnrecorded.contains(uploadId) && !send(due)) {
            return false;
        }
        try {
            transactions.run(() -> uploads.markAcknowledgementDelivered(uploadId, clock.instant()));
            sentUnrecorded.remove(uploadId);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Acknowledgement of upload " + uploadId + " was sent but could not be"
                    + " recorded (" + e.getClass().getSimpleName() + "); it will be recorded, not sent again");
            return false;
        }
    }

    /** Sends the acknowledgement; false (and due again after the back-off) when it could not be sent. */
    private boolean send(DueAcknowledgement due) {
        UploadAcknowledgement acknowledgement = due.acknowledgement();
        try {
            Organisation recipient = transactions.inTransaction(() -> organisations.find(acknowledgement.localAuthority()))
                    .orElseThrow(() -> new MessagingUnavailable("local authority " + acknowledgement.localAuthority()
                            + " is not registered"));
            messaging.sendUploadAcknowledgement(acknowledgement,
                    new StoredResults(acknowledgement.resultsOf(), results, transactions), recipient);
            sentUnrecorded.add(acknowledgement.uploadId());
            return true;
        } catch (MessagingUnavailable e) {
            LOG.log(System.Logger.Level.WARNING, "Acknowledgement of upload " + acknowledgement.uploadId() + " not sent (attempt "
                    + due.attempt() + "): " + e.getMessage() + "; next attempt in " + backOff(due.attempt()));
            retryLater(due);
            return false;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Acknowledgement of upload " + acknowledgement.uploadId()
                    + " could not be sent (" + e.getClass().getSimpleName() + "); it will be retried");
            retryLater(due);
            return false;
        }
    }

    private void retryLater(DueAcknowledgement due) {
        transactions.run(() -> uploads.retryAcknowledgementLater(due.acknowledgement().uploadId(),
                clock.instant().plus(backOff(due.attempt()))));
    }

    /** 5 s after the first attempt, doubling with each further attempt, never more than an hour. */
    static Duration backOff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
