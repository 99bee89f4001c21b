package org.opencpis.adapters.spine.mesh.stub;

import java.time.Instant;

/**
 * One message held by the stub: a row of {@code mesh_stub_message}. {@code inbox} is whose inbox
 * it is delivered to; for a DATA message that is {@code recipient}, for a REPORT it is the sender
 * of the undelivered message {@code linkedMessageId}, and {@code sender} is null.
 */
record StubMessage(String messageId, MessageType type, String sender, String recipient, String inbox,
                   String workflowId, String localId, String subject, String fileName, String contentType,
                   String contentEncoding, String contentChecksum, boolean contentEncrypted, boolean contentCompressed,
                   int totalChunks, long totalBytes, Status status, String statusCode, String statusEvent,
                   String statusDescription, String linkedMessageId, Instant uploadedAt, Instant deliveredAt,
                   Instant acknowledgedAt, Instant expiredAt, Instant statusAt) {

    enum MessageType { DATA, REPORT }

    /** The stored states; the names are the column values. */
    enum Status {
        UPLOADING("uploading"), ACCEPTED("accepted"), ACKNOWLEDGED("acknowledged"), EXPIRED("expired");

        private final String column;

        Status(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }

        static Status ofColumn(String value) {
            for (Status status : values()) {
                if (status.column.equals(value)) {
                    return status;
                }
            }
            throw new IllegalStateException("unknown mesh_stub_message status " + value);
        }
    }

    boolean gzip() {
        return "gzip".equals(contentEncoding);
    }

    /** The new DATA message of a first request, before its chunks have arrived. */
    static StubMessage uploading(String messageId, String sender, String recipient, SendHeaders headers,
                                 int totalChunks, Instant now) {
        return new StubMessage(messageId, MessageType.DATA, sender, recipient, recipient, headers.workflowId(),
                headers.localId(), headers.subject(), headers.fileName(), headers.contentType(),
                headers.contentEncoding(), headers.contentChecksum(), headers.contentEncrypted(),
                headers.contentCompressed(), totalChunks, 0, Status.UPLOADING, null, null, null, null, now, null,
                null, null, now);
    }

    /**
     * The non-delivery report for this DATA message, delivered to its sender's inbox at once: it
     * names the undelivered message's recipient, workflow, local id and subject, as the report
     * headers do.
     */
    StubMessage nonDeliveryReport(String reportId, String code, String event, String description, Instant now) {
        return new StubMessage(reportId, MessageType.REPORT, null, recipient, sender, workflowId, localId,
                subject, null, null, null, null, false, false, 0, 0, Status.ACCEPTED, code, event,
                description, messageId, now, now, null, null, now);
    }
}
