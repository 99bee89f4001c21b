package org.opencpis.application.upload.service;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;

/**
 * An upload's stored content as a stream: one chunk in memory at a time, each fetched in a short
 * transaction of its own, so that reading a large file holds neither much memory nor a transaction
 * open while it is parsed.
 */
final class StoredContent extends InputStream {
    private final UUID uploadId;
    private final UploadContents contents;
    private final Transactions transactions;
    private int nextChunk;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean ended;

    StoredContent(UUID uploadId, UploadContents contents, Transactions transactions) {
        this.uploadId = uploadId;
        this.contents = contents;
        this.transactions = transactions;
    }

    @Override
    public int read() {
        if (!ensureAvailable()) {
            return -1;
        }
        return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!ensureAvailable()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return chunk.length - position;
    }

    private boolean ensureAvailable() {
        while (position >= chunk.length) {
            if (ended) {
                return false;
            }
            int number = nextChunk++;
            Optional<byte[]> next = transactions.inTransaction(() -> contents.chunk(uploadId, number));
            if (next.isEmpty()) {
                ended = true;
                chunk = new byte[0];
            } else {
                chunk = next.get();
            }
            position = 0;
        }
        return true;
    }
}
