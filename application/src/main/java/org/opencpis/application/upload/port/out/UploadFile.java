package org.opencpis.application.upload.port.out;

/**
 * An upload file being read, one entry at a time. A failure to read the underlying content that
 * is not the file's fault (the store being unreachable) is thrown as it is, never as
 * {@link CorruptUpload}.
 */
public interface UploadFile extends AutoCloseable {

    Format format();

    /**
     * The next record, or null after the last one.
     *
     * @throws CorruptUpload when the file is malformed or ends before its structure is complete
     */
    UploadEntry next();

    /**
     * What a JSON file says about itself, as text: {@code sequenceNumber} and {@code recordCount}
     * (null when absent). Complete once {@link #next()} has returned null, since JSON may give
     * them after the records; a CSV file gives neither.
     */
    Facts facts();

    @Override
    void close();

    enum Format { JSON, CSV }

    record Facts(String sequenceNumber, String recordCount) {
    }
}
