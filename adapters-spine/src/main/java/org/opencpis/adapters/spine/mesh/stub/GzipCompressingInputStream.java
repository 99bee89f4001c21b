package org.opencpis.adapters.spine.mesh.stub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

/** The gzip compression of another stream, produced as it is read (a 64 KiB read at a time). */
final class GzipCompressingInputStream extends InputStream {
    private static final int BUFFER = 64 * 1024;

    private final InputStream source;
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final GZIPOutputStream gzip;
    private final byte[] buffer = new byte[BUFFER];
    private byte[] pending = new byte[0];
    private int position;
    private boolean finished;

    GzipCompressingInputStream(InputStream source) throws IOException {
        this.source = source;
        this.gzip = new GZIPOutputStream(compressed, BUFFER);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, pending.length - position);
        System.arraycopy(pending, position, target, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        while (position >= pending.length) {
            if (finished) {
                return false;
            }
            int read = source.read(buffer);
            if (read < 0) {
                gzip.finish();
                finished = true;
            } else {
                gzip.write(buffer, 0, read);
            }
            pending = compressed.toByteArray();
            compressed.reset();
            position = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
