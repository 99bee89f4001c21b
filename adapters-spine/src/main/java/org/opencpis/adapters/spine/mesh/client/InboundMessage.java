package org.opencpis.adapters.spine.mesh.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A downloaded message: who sent it, its workflow, local id and type, and its content spooled to
 * a temporary file (so that a large file is never held in memory). Close it to delete the file.
 */
public record InboundMessage(String messageId, String from, String workflowId, String localId, String messageType,
                             Path content) implements AutoCloseable {

    public InputStream open() throws IOException {
        return Files.newInputStream(content);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
