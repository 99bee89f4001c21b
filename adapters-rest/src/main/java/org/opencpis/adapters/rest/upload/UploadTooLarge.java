package org.opencpis.adapters.rest.upload;

/** The upload is larger than the server takes: answered 413, and nothing of it is kept. */
public class UploadTooLarge extends RuntimeException {
    private final long limit;

    public UploadTooLarge(long limit) {
        super("an upload may be at most " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
