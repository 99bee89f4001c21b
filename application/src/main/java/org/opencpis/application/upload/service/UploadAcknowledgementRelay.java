package org.opencpis.application.upload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.in.DeliverUploadAcknowledgementsUseCase;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * The outbox relay of upload acknowledgements: an {@link OutboxRelay} over {@link Uploads}, with
 * the upload id as the idempotency key. Each acknowledgement's records are read a page at a time,
 * each page in a short transaction of its own, while it is sent; hence a ten-minute lease of which
 * a send may take five.
 */
public final class UploadAcknowledgementRelay implements DeliverUploadAcknowledgementsUseCase {
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration SEND_BUDGET = Duration.ofMinutes(5);
    static final int BATCH = 20;

    private final OutboxRelay<UploadAcknowledgement> relay;

    public UploadAcknowledgementRelay(Uploads uploads, UploadResults results, Organisations organisations,
                                      SpineMessaging messaging, Transactions transactions, Clock clock) {
        this.relay = new OutboxRelay<>(new Acknowledgements(uploads, results, organisations, messaging, transactions),
                new OutboxRelay.Timing(LEASE, SEND_BUDGET, BATCH), transactions, clock);
    }

    @Override
    public int deliverDue() {
        return relay.deliverDue();
    }

    static Duration backOff(int attempt) {
        return OutboxRelay.backOff(attempt);
    }

    private record Acknowledgements(Uploads uploads, UploadResults results, Organisations organisations,
                                    SpineMessaging messaging, Transactions transactions)
            implements OutboxRelay.Outbox<UploadAcknowledgement> {

        @Override
        public List<OutboxRelay.Claim<UploadAcknowledgement>> claimDue(Instant now, Duration lease, int limit) {
            return uploads.claimDueAcknowledgements(now, lease, limit).stream()
                    .map(due -> new OutboxRelay.Claim<>(due.acknowledgement(), due.attempt()))
                    .toList();
        }

        @Override
        public void send(UploadAcknowledgement acknowledgement) {
            Organisation recipient = transactions.inTransaction(() -> organisations.recipient(acknowledgement.localAuthority()));
            messaging.sendUploadAcknowledgement(acknowledgement,
                    new StoredResults(acknowledgement.resultsOf(), results, transactions), recipient);
        }

        @Override
        public void markDelivered(UploadAcknowledgement acknowledgement, Instant at) {
            uploads.markAcknowledgementDelivered(acknowledgement.uploadId(), at);
        }

        @Override
        public void retryLater(UploadAcknowledgement acknowledgement, Instant dueAt) {
            uploads.retryAcknowledgementLater(acknowledgement.uploadId(), dueAt);
        }

        @Override
        public String key(UploadAcknowledgement acknowledgement) {
            return acknowledgement.uploadId().toString();
        }

        @Override
        public String describe(UploadAcknowledgement acknowledgement) {
            return "Acknowledgement of upload " + key(acknowledgement);
        }
    }
}
