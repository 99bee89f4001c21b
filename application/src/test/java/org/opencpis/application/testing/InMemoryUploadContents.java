package org.opencpis.application.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.upload.port.out.UploadContents;

/** Upload content in memory, chunk by chunk; the bytes are copied in and out. */
public final class InMemoryUploadContents implements UploadContents {
    private final Map<String, byte[]> chunks = new ConcurrentHashMap<>();

    @Override
    public void append(UUID uploadId, int chunk, byte[] bytes, int length) {
        if (length < 0 || length > MAX_CHUNK || length > bytes.length) {
            throw new IllegalArgumentException("chunk of " + length + " bytes");
        }
        if (chunks.putIfAbsent(key(uploadId, chunk), Arrays.copyOf(bytes, length)) != null) {
            throw new IllegalStateException("chunk " + chunk + " of " + uploadId + " is already stored");
        }
    }

    @Override
    public Optional<byte[]> chunk(UUID uploadId, int chunk) {
        return Optional.ofNullable(chunks.get(key(uploadId, chunk))).map(byte[]::clone);
    }

    @Override
    public void delete(UUID uploadId) {
        chunks.keySet().removeIf(key -> key.startsWith(uploadId + "/"));
    }

    /** Whether any content of the upload is stored (for tests). */
    public boolean holdsAnyOf(UUID uploadId) {
        return chunks.keySet().stream().anyMatch(key -> key.startsWith(uploadId + "/"));
    }

    private static String key(UUID uploadId, int chunk) {
        return uploadId + "/" + chunk;
    }
}
