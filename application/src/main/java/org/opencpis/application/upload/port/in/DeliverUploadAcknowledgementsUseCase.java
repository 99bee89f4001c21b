package org.opencpis.application.upload.port.in;

/**
 * The outbox relay of upload acknowledgements: hands each answered upload's acknowledgement to the
 * LA's mailbox (workflow {@code CPIS_UPLOAD_ACK}), outside any database transaction. At least once,
 * with the upload id as idempotency key; safe to run on several instances at once.
 */
public interface DeliverUploadAcknowledgementsUseCase {
    /** @return how many acknowledgements were delivered in this pass */
    int deliverDue();
}
