package org.opencpis.application.upload.port.out;

/**
 * The file is not a readable upload (CPF01): not JSON or CSV as CONTRACT §7 describes, or broken
 * off or malformed at some point. The message says what and where, without any of the file's data.
 */
public class CorruptUpload extends RuntimeException {
    public CorruptUpload(String detail) {
        super(detail);
    }

    public CorruptUpload(String detail, Throwable cause) {
        super(detail, cause);
    }
}
