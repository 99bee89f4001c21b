package org.opencpis.application.upload.port.out;

import java.util.Optional;
import java.util.UUID;

/**
 * The stored bytes of upload files, as numbered chunks (from 0) so that a file of any size is
 * written and read a chunk at a time. Every method joins the caller's transaction.
 */
public interface UploadContents {
    /** The largest chunk a caller may append. */
    int MAX_CHUNK = 1 << 20;

    /** Stores chunk {@code chunk} of the upload: the first {@code length} bytes of {@code bytes}. */
    void append(UUID uploadId, int chunk, byte[] bytes, int length);

    /** The chunk's bytes, or empty after the last chunk. */
    Optional<byte[]> chunk(UUID uploadId, int chunk);

    /** Forgets the upload's content (data minimisation once it is answered). */
    void delete(UUID uploadId);
}
