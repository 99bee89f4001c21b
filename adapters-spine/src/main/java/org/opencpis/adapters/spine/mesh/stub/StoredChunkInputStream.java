package org.opencpis.adapters.spine.mesh.stub;

import java.io.IOException;
import java.io.InputStream;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * A stored chunk read part by part (each at most 1 MiB, each in a short transaction of its own),
 * so a download holds one part in memory and no database connection while the client reads.
 */
final class StoredChunkInputStream extends InputStream {
    private final Transactions transactions;
    private final MeshStubStore store;
    private final MeshStubStore.StoredChunk chunk;
    private int nextPart = 1;
    private byte[] current = new byte[0];
    private int position;

    StoredChunkInputStream(Transactions transactions, MeshStubStore store, MeshStubStore.StoredChunk chunk) {
        this.transactions = transactions;
        this.store = store;
        this.chunk = chunk;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        while (position >= current.length) {
            if (nextPart > chunk.partCount()) {
                return false;
            }
            int part = nextPart++;
            try {
                current = transactions.inTransaction(() -> store.part(chunk.messageId(), chunk.chunkNumber(), part))
                        .orElseThrow(() -> new IOException("the message was acknowledged or expired during the download"));
            } catch (RuntimeException e) {
                throw new IOException("a stored part could not be read", e);
            }
            position = 0;
        }
        return true;
    }
}
