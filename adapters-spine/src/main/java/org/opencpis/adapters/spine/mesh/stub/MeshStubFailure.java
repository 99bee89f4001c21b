package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the stub refuses, as the spec shapes it. A 400 is an {@code HTTPValidationError}
 * ({@code {"detail": [{"loc", "msg", "type"}]}}); anything else is a {@code MeshError}: v2
 * {@code {"message_id"?, "internal_id", "detail": [{"event", "code", "msg"}]}}, v1
 * {@code {"messageID"?, "errorEvent", "errorCode", "errorDescription"}}. Codes are those of the
 * spec's error table where one fits (06 malformed headers, 07 wrong from address, 08 missing
 * To, 12 unregistered recipient, 02 missing data). Messages never echo the request.
 */
final class MeshStubFailure extends RuntimeException {
    private final HttpStatus status;
    private final List<Object> location;
    private final String type;
    private final String messageId;
    private final String event;
    private final String code;
    private final boolean closeConnection;

    private MeshStubFailure(HttpStatus status, String message, List<Object> location, String type, String messageId,
                            String event, String code) {
        this(status, message, location, type, messageId, event, code, false);
    }

    private MeshStubFailure(HttpStatus status, String message, List<Object> location, String type, String messageId,
                            String event, String code, boolean closeConnection) {
        super(message, null, false, false);
        this.closeConnection = closeConnection;
        this.status = status;
        this.location = location;
        this.type = type;
        this.messageId = messageId;
        this.event = event;
        this.code = code;
    }

    /** 400: a header, query or path value missing or not acceptable. */
    static MeshStubFailure invalid(String in, String name, String message, String type) {
        return new MeshStubFailure(HttpStatus.BAD_REQUEST, message, List.of(in, name), type, null, null, null);
    }

    static MeshStubFailure missing(String in, String name) {
        return invalid(in, name, "field required", "value_error.missing");
    }

    /** 403 for every authentication failure alike, so that none tells a caller more than another. */
    static MeshStubFailure forbidden() {
        return mesh(HttpStatus.FORBIDDEN, null, "", "", "Authentication failed");
    }

    static MeshStubFailure notFound(String messageId) {
        return mesh(HttpStatus.NOT_FOUND, messageId, "RECEIVE", "20", "Message does not exist");
    }

    static MeshStubFailure gone(String messageId) {
        return mesh(HttpStatus.GONE, messageId, "RECEIVE", "", "Message no longer available: acknowledged or expired");
    }

    static MeshStubFailure finalised(String messageId) {
        return mesh(HttpStatus.LOCKED, messageId, "SEND", "", "Message has been finalised; no more chunks can be uploaded");
    }

    static MeshStubFailure tooLarge(String messageId, String message) {
        return mesh(HttpStatus.REQUEST_ENTITY_TOO_LARGE, messageId, "SEND", "", message);
    }

    /** 417 Expectation Failed: the send cannot go ahead (MESH's send-error status). */
    static MeshStubFailure sendFailed(String messageId, String code, String message) {
        return mesh(HttpStatus.EXPECTATION_FAILED, messageId, "SEND", code, message);
    }

    static MeshStubFailure notUnique() {
        return mesh(HttpStatus.MULTIPLE_CHOICES, null, "TRACK", "", "More than one message has this local id");
    }

    static MeshStubFailure unavailable() {
        return mesh(HttpStatus.SERVICE_UNAVAILABLE, null, "", "", "The MESH stub cannot reach its database; try again later");
    }

    static MeshStubFailure internal() {
        return mesh(HttpStatus.INTERNAL_SERVER_ERROR, null, "", "", "An internal error occurred");
    }

    static MeshStubFailure mesh(HttpStatus status, String messageId, String event, String code, String message) {
        return new MeshStubFailure(status, message, null, null, messageId, event, code);
    }

    /**
     * The same failure, answered with {@code Connection: close}: for a request whose body was
     * abandoned half read, so that the client is not left sending the rest into a connection
     * nobody reads.
     */
    MeshStubFailure closingConnection() {
        return new MeshStubFailure(status, getMessage(), location, type, messageId, event, code, true);
    }

    boolean closesConnection() {
        return closeConnection;
    }

    HttpStatus status() {
        return status;
    }

    boolean validation() {
        return location != null;
    }

    /** The body in the shape the client's version expects; {@code internalId} identifies the failure in the logs. */
    Map<String, Object> body(ApiVersion version, String internalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (validation()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("loc", location);
            detail.put("msg", getMessage());
            detail.put("type", type);
            body.put("detail", List.of(detail));
            return body;
        }
        if (version == ApiVersion.V2) {
            if (messageId != null) {
                body.put("message_id", messageId);
            }
            body.put("internal_id", internalId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("event", event);
            detail.put("code", code);
            detail.put("msg", getMessage());
            body.put("detail", List.of(detail));
        } else {
            if (messageId != null) {
                body.put("messageID", messageId);
            }
            body.put("errorEvent", event);
            body.put("errorCode", code);
            body.put("errorDescription", getMessage());
        }
        return body;
    }
}
