package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.http.HttpHeaders;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The headers of a send request, checked as the spec's parameter list says: {@code mex-To} (at
 * most 100 characters) and {@code mex-WorkflowID} (300) are required; {@code mex-Chunk-Range}
 * (20), {@code mex-Subject} (500), {@code mex-LocalID} (300), {@code mex-FileName} (300),
 * {@code mex-Content-Checksum} (100) are optional; none may hold control characters. A missing,
 * too long or malformed value fails with 400. {@code Content-Encoding} may be {@code gzip} (kept
 * and passed on to the recipient) or absent.
 */
record SendHeaders(String to, String workflowId, String chunkRange, String subject, String localId, String fileName,
                   String contentType, String contentEncoding, String contentChecksum, boolean contentEncrypted,
                   boolean contentCompressed, String from, String messageType) {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

    static SendHeaders of(HttpHeaders headers) {
        String to = required(headers, "mex-To", 100);
        String workflowId = required(headers, "mex-WorkflowID", 300);
        String contentType = optional(headers, "mex-Content-Type", 100);
        if (contentType == null) {
            contentType = optional(headers, HttpHeaders.CONTENT_TYPE, 200);
        }
        return new SendHeaders(to.toUpperCase(Locale.ROOT), workflowId,
                optional(headers, "mex-Chunk-Range", 20),
                optional(headers, "mex-Subject", 500),
                optional(headers, "mex-LocalID", 300),
                optional(headers, "mex-FileName", 300),
                contentType,
                contentEncoding(headers, null),
                optional(headers, "mex-Content-Checksum", 100),
                flag(optional(headers, "mex-Content-Encrypted", 20)),
                flag(optional(headers, "mex-Content-Compressed", 20)),
                optional(headers, "mex-From", 100),
                optional(headers, "mex-MessageType", 20));
    }

    /**
     * {@code gzip}, or null for none ({@code identity} counts as none). Anything else is refused
     * with 417: the stub passes bodies through and can only undo gzip for a client that cannot take it.
     */
    static String contentEncoding(HttpHeaders headers, String messageId) {
        String value = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("identity")) {
            return null;
        }
        if (value.strip().equalsIgnoreCase("gzip")) {
            return "gzip";
        }
        throw MeshStubFailure.sendFailed(messageId, "06", "Unsupported content encoding: only gzip is accepted");
    }

    private static String required(HttpHeaders headers, String name, int maxLength) {
        String value = optional(headers, name, maxLength);
        if (value == null) {
            throw MeshStubFailure.missing("header", name.toLowerCase(Locale.ROOT));
        }
        return value;
    }

    /** The stripped value, or null when absent or blank. */
    static String optional(HttpHeaders headers, String name, int maxLength) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            throw MeshStubFailure.invalid("header", name.toLowerCase(Locale.ROOT),
                    "ensure this value has at most " + maxLength + " characters", "value_error.any_str.max_length");
        }
        if (CONTROL.matcher(value).find()) {
            throw MeshStubFailure.invalid("header", name.toLowerCase(Locale.ROOT),
                    "must not contain control characters", "value_error.malformed");
        }
        return value;
    }

    private static boolean flag(String value) {
        return value != null && switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "t", "true", "on", "1" -> true;
            default -> false;
        };
    }
}
