package org.opencpis.adapters.rest.upload;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body of undeclared length (chunked), cut off with {@link UploadTooLarge} once it
 * holds more than {@code limit} bytes — whether this stream counts them first, or the server's
 * own limit ({@code micronaut.server.max-request-size}) makes the body fail.
 */
final class LimitedBody extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedBody(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long allowed = limit + 1 - read;
        if (allowed <= 0) {
            throw new UploadTooLarge(limit);
        }
        int n;
        try {
            n = super.read(buffer, offset, (int) Math.min(length, allowed));
        } catch (IOException | RuntimeException e) {
            if (exceeded(e)) {
                throw new UploadTooLarge(limit);
            }
            throw e;
        }
        if (n > 0) {
            read += n;
            if (read > limit) {
                throw new UploadTooLarge(limit);
            }
        }
        return n;
    }

    private static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException) {
                return true;
            }
        }
        return false;
    }
}
