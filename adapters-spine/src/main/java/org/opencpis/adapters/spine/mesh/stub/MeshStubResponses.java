package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** JSON bodies and {@code mex-*} headers in the shapes of the MESH API spec, v1 and v2. */
@Singleton
@RequiresMeshStub
final class MeshStubResponses {
    /** {@code Mex-StatusTimestamp}, v1 tracking times: UTC {@code yyyyMMddHHmmss}. */
    static final DateTimeFormatter MEX_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final JsonMapper json;
    private final MeshStubSettings settings;

    MeshStubResponses(JsonMapper json, MeshStubSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    MutableHttpResponse<byte[]> json(HttpStatus status, ApiVersion version, Map<String, ?> body) {
        return json(status, version.mediaType(), body);
    }

    MutableHttpResponse<byte[]> json(HttpStatus status, String mediaType, Map<String, ?> body) {
        try {
            return HttpResponse.<byte[]>status(status).contentType(mediaType).body(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MutableHttpResponse<byte[]> failure(MeshStubFailure failure, ApiVersion version, String internalId) {
        String mediaType = failure.validation() ? MediaType.APPLICATION_JSON : version.mediaType();
        MutableHttpResponse<byte[]> response = json(failure.status(), mediaType, failure.body(version, internalId));
        if (failure.closesConnection()) {
            response.header(io.micronaut.http.HttpHeaders.CONNECTION, "close");
        }
        return response;
    }

    /** The {@code mex-*} headers of a downloaded DATA message or chunk, or of a REPORT. */
    Map<String, String> downloadHeaders(StubMessage message, int chunkNumber) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (message.type() == StubMessage.MessageType.REPORT) {
            headers.put("Mex-MessageType", "REPORT");
            headers.put("Mex-MessageID", message.messageId());
            headers.put("Mex-LinkedMsgID", message.linkedMessageId());
            headers.put("Mex-To", message.recipient());
            headers.put("Mex-WorkflowID", message.workflowId());
            headers.put("Mex-LocalID", message.localId());
            headers.put("Mex-Subject", message.subject());
            headers.put("Mex-StatusSuccess", "ERROR");
            headers.put("Mex-StatusCode", message.statusCode());
            headers.put("Mex-StatusEvent", message.statusEvent());
            headers.put("Mex-StatusDescription", message.statusDescription());
            headers.put("Mex-StatusTimestamp", MEX_TIME.format(message.uploadedAt()));
            headers.put("Mex-Version", "1.0");
        } else {
            headers.put("Mex-MessageType", "DATA");
            headers.put("Mex-MessageID", message.messageId());
            headers.put("Mex-From", message.sender());
            headers.put("Mex-To", message.recipient());
            headers.put("Mex-WorkflowID", message.workflowId());
            headers.put("Mex-Chunk-Range", chunkNumber + ":" + message.totalChunks());
            headers.put("Mex-AddressType", "ALL");
            headers.put("Mex-LocalID", message.localId());
            headers.put("Mex-Subject", message.subject());
            headers.put("Mex-FileName", message.fileName() == null ? message.messageId() + ".dat" : message.fileName());
            headers.put("Mex-Content-Checksum", message.contentChecksum());
            headers.put("Mex-Content-Type", message.contentType());
            headers.put("Mex-Content-Encrypted", message.contentEncrypted() ? "Y" : null);
            headers.put("Mex-Content-Compressed", message.contentCompressed() || message.gzip() ? "Y" : "N");
            headers.put("Mex-StatusSuccess", "SUCCESS");
            headers.put("Mex-StatusCode", "00");
            headers.put("Mex-StatusEvent", "TRANSFER");
            headers.put("Mex-StatusDescription", "Transferred to recipient mailbox");
            headers.put("Mex-StatusTimestamp", MEX_TIME.format(message.deliveredAt()));
            headers.put("Mex-Version", "1.0");
        }
        headers.values().removeIf(value -> value == null);
        return headers;
    }

    /** A sent message's tracking record: v2 snake_case with ISO times, v1 camelCase with {@code yyyyMMddHHmmss} times. */
    Map<String, Object> tracking(StubMessage message, ApiVersion version) {
        Instant expiry = message.deliveredAt() == null ? null : message.deliveredAt().plus(settings.expiry());
        boolean failed = message.status() == StubMessage.Status.EXPIRED;
        String status = switch (message.status()) {
            case UPLOADING -> "uploading";
            case ACCEPTED -> "accepted";
            case ACKNOWLEDGED -> "acknowledged";
            case EXPIRED -> "undeliverable";
        };
        String code = failed ? message.statusCode() : message.deliveredAt() == null ? null : "00";
        String event = failed ? message.statusEvent() : message.deliveredAt() == null ? null : "TRANSFER";
        String description = failed ? message.statusDescription()
                : message.status() == StubMessage.Status.UPLOADING ? "Upload in progress"
                : "Transferred to recipient mailbox";
        Map<String, Object> body = new LinkedHashMap<>();
        if (version == ApiVersion.V2) {
            body.put("message_id", message.messageId());
            body.put("local_id", message.localId());
            body.put("workflow_id", message.workflowId());
            body.put("filename", message.fileName());
            body.put("expiry_time", iso(expiry));
            body.put("upload_timestamp", iso(message.uploadedAt()));
            body.put("recipient", message.recipient());
            body.put("status_success", !failed);
            body.put("status", status);
            body.put("status_event", event);
            body.put("status_timestamp", iso(message.statusAt()));
            body.put("status_description", description);
            body.put("status_code", code);
        } else {
            body.put("addressType", "ALL");
            body.put("checksum", message.contentChecksum());
            body.put("chunkCount", message.totalChunks());
            body.put("compressFlag", message.contentCompressed() || message.gzip() ? "Y" : null);
            body.put("contentEncoding", message.contentEncoding() == null ? "" : message.contentEncoding());
            body.put("downloadTimestamp", mex(message.acknowledgedAt()));
            body.put("dtsId", message.messageId());
            body.put("encryptedFlag", message.contentEncrypted() ? "Y" : null);
            body.put("expiryTime", mex(expiry));
            body.put("failureDate", failed ? mex(message.expiredAt()) : null);
            body.put("failureDiagnostic", failed ? message.statusDescription() : null);
            body.put("fileName", message.fileName() == null ? message.messageId() + ".dat" : message.fileName());
            body.put("fileSize", message.totalBytes());
            body.put("localId", message.localId());
            body.put("messageId", message.messageId());
            body.put("messageType", "Data");
            body.put("recipient", message.recipient());
            body.put("sender", message.sender());
            body.put("status", Character.toUpperCase(status.charAt(0)) + status.substring(1));
            body.put("statusCode", code);
            body.put("statusDescription", description);
            body.put("statusEvent", event);
            body.put("statusSuccess", failed ? "ERROR" : "SUCCESS");
            body.put("statusTimestamp", mex(message.statusAt()));
            body.put("subject", message.subject());
            body.put("uploadTimestamp", mex(message.uploadedAt()));
            body.put("version", "1.0");
            body.put("workflowId", message.workflowId());
        }
        body.values().removeIf(value -> value == null);
        return body;
    }

    /** How the expiry period reads in a non-delivery report: "5 days", "36 hours", "PT10M". */
    static String describe(Duration period) {
        if (!period.isZero() && period.toSeconds() % 86_400 == 0) {
            long days = period.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (period.toSeconds() % 3_600 == 0) {
            long hours = period.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return period.toString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String mex(Instant instant) {
        return instant == null ? null : MEX_TIME.format(instant);
    }
}
