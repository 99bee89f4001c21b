package org.opencpis.application.upload.port.in;

/**
 * A submission was not accepted, and nothing of it kept: {@code UNKNOWN_ORGANISATION},
 * {@code EMPTY_UPLOAD} or {@code UPLOAD_INTERRUPTED}.
 */
public class UploadRejected extends RuntimeException {
    private final String code;

    public UploadRejected(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
