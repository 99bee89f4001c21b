package org.opencpis.application.upload.port.in;

import org.opencpis.application.shared.outbox.MessageRelay;

/**
 * The outbox relay of upload acknowledgements: hands each answered upload's acknowledgement to the
 * LA's mailbox (workflow {@code CPIS_UPLOAD_ACK}), with the upload id as idempotency key.
 */
public interface DeliverUploadAcknowledgementsUseCase extends MessageRelay {
}
