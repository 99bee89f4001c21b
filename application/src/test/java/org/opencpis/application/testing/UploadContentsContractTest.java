package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;

/**
 * What every {@link UploadContents} must do: keep an upload's bytes chunk by chunk, exactly as
 * appended (only the given length, copied), separate per upload, refuse a chunk twice, and forget
 * them all on delete. Every call runs inside {@link #transactions()}, as the services call it.
 */
public abstract class UploadContentsContractTest {
    private UploadContents contents;

    /** New, empty stores under test; called before each test. */
    protected abstract void createStores();

    protected abstract UploadContents contents();

    protected abstract Transactions transactions();

    /** The id of an upload the store may hold content for (a stored upload, where the store needs one). */
    protected abstract UUID storedUpload();

    @BeforeEach
    void stores() {
        createStores();
        contents = contents();
    }

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private void run(Runnable work) {
        transactions().run(work);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void chunksAreReadBackAsAppendedUpToTheGivenLength() {
        UUID upload = storedUpload();
        byte[] buffer = bytes("hello, world");
        run(() -> {
            contents.append(upload, 0, buffer, 5);
            contents.append(upload, 1, buffer, buffer.length);
        });

        assertArrayEquals(bytes("hello"), tx(() -> contents.chunk(upload, 0)).orElseThrow());
        assertArrayEquals(bytes("hello, world"), tx(() -> contents.chunk(upload, 1)).orElseThrow());
        assertEquals(Optional.empty(), tx(() -> contents.chunk(upload, 2)), "empty after the last chunk");
    }

    @Test
    void theStoreKeepsItsOwnCopy() {
        UUID upload = storedUpload();
        byte[] buffer = bytes("abc");
        run(() -> contents.append(upload, 0, buffer, 3));
        buffer[0] = 'x';
        tx(() -> contents.chunk(upload, 0)).orElseThrow()[1] = 'y';

        assertArrayEquals(bytes("abc"), tx(() -> contents.chunk(upload, 0)).orElseThrow());
    }

    @Test
    void everyByteValueAndAFullChunkSurvive() {
        UUID upload = storedUpload();
        byte[] full = new byte[UploadContents.MAX_CHUNK];
        for (int i = 0; i < full.length; i++) {
            full[i] = (byte) (i * 31);
        }
        run(() -> contents.append(upload, 0, full, full.length));
        run(() -> contents.append(upload, 1, new byte[0], 0));

        assertArrayEquals(full, tx(() -> contents.chunk(upload, 0)).orElseThrow());
        assertArrayEquals(new byte[0], tx(() -> contents.chunk(upload, 1)).orElseThrow());
    }

    @Test
    void uploadsDoNotShareContent() {
        UUID first = storedUpload();
        UUID second = storedUpload();
        run(() -> {
            contents.append(first, 0, bytes("first"), 5);
            contents.append(second, 0, bytes("second"), 6);
        });

        assertArrayEquals(bytes("first"), tx(() -> contents.chunk(first, 0)).orElseThrow());
        assertArrayEquals(bytes("second"), tx(() -> contents.chunk(second, 0)).orElseThrow());
        assertEquals(Optional.empty(), tx(() -> contents.chunk(UUID.randomUUID(), 0)));
    }

    @Test
    void deleteForgetsEveryChunkOfThatUploadOnly() {
        UUID gone = storedUpload();
        UUID kept = storedUpload();
        run(() -> {
            contents.append(gone, 0, bytes("a"), 1);
            contents.append(gone, 1, bytes("b"), 1);
            contents.append(kept, 0, bytes("c"), 1);
        });

        run(() -> contents.delete(gone));

        assertEquals(Optional.empty(), tx(() -> contents.chunk(gone, 0)));
        assertEquals(Optional.empty(), tx(() -> contents.chunk(gone, 1)));
        assertArrayEquals(bytes("c"), tx(() -> contents.chunk(kept, 0)).orElseThrow());
        run(() -> contents.delete(gone));
    }

    @Test
    void aChunkIsStoredOnce() {
        UUID upload = storedUpload();
        run(() -> contents.append(upload, 0, bytes("first"), 5));

        assertThrows(RuntimeException.class, () -> run(() -> contents.append(upload, 0, bytes("again"), 5)));

        assertArrayEquals(bytes("first"), tx(() -> contents.chunk(upload, 0)).orElseThrow());
    }

    @Test
    void impossibleLengthsAreRefused() {
        UUID upload = storedUpload();
        byte[] tooLarge = new byte[UploadContents.MAX_CHUNK + 1];

        assertThrows(IllegalArgumentException.class, () -> run(() -> contents.append(upload, 0, tooLarge, tooLarge.length)));
        assertThrows(IllegalArgumentException.class, () -> run(() -> contents.append(upload, 0, bytes("ab"), 3)));
        assertThrows(IllegalArgumentException.class, () -> run(() -> contents.append(upload, 0, bytes("ab"), -1)));
        assertEquals(Optional.empty(), tx(() -> contents.chunk(upload, 0)));
    }
}
