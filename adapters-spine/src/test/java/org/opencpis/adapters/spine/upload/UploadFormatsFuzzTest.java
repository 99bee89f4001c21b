package org.opencpis.adapters.spine.upload;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;

/**
 * Random garbage and random damage to good files: the readers answer with entries or with
 * {@link CorruptUpload} — never any other exception, never a hang. Seeded, so a failure repeats.
 */
class UploadFormatsFuzzTest {
    private static final int ROUNDS = 3000;
    private static final byte[] ALPHABET = "{}[]\",:\\ \n\r\tabcnulltrue0123456789-.eE\u00e9".getBytes(StandardCharsets.UTF_8);
    private final StreamingUploadFormats formats = new StreamingUploadFormats();

    @Test
    void randomBytesAreReadOrFoundCorrupt() {
        Random random = new Random(20250310);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            if (random.nextBoolean()) {
                random.nextBytes(bytes);
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
                }
            }
            if (bytes.length > 0 && random.nextInt(3) == 0) {
                bytes[0] = '{';
            }
            readExpectingOnlyCorruption(bytes, round);
        }
    }

    @Test
    void damagedJsonFilesAreReadOrFoundCorrupt() {
        damage(StreamingUploadFormatsTest.JSON.getBytes(StandardCharsets.UTF_8), new Random(42));
    }

    @Test
    void damagedCsvFilesAreReadOrFoundCorrupt() {
        damage(StreamingUploadFormatsTest.CSV.getBytes(StandardCharsets.UTF_8), new Random(43));
    }

    private void damage(byte[] good, Random random) {
        int corrupt = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = switch (random.nextInt(4)) {
                case 0 -> java.util.Arrays.copyOf(good, random.nextInt(good.length));
                case 1 -> flip(good, random, 1 + random.nextInt(3));
                case 2 -> insert(good, random);
                default -> flip(java.util.Arrays.copyOf(good, random.nextInt(good.length)), random, 1);
            };
            if (!readExpectingOnlyCorruption(bytes, round)) {
                corrupt++;
            }
        }
        assertTrue(corrupt > ROUNDS / 10, "damage should often be found: " + corrupt);
    }

    private static byte[] flip(byte[] good, Random random, int times) {
        byte[] bytes = good.clone();
        for (int i = 0; i < times && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return bytes;
    }

    private static byte[] insert(byte[] good, Random random) {
        int at = random.nextInt(good.length + 1);
        byte[] bytes = new byte[good.length + 1];
        System.arraycopy(good, 0, bytes, 0, at);
        bytes[at] = ALPHABET[random.nextInt(ALPHABET.length)];
        System.arraycopy(good, at, bytes, at + 1, good.length - at);
        return bytes;
    }

    /** @return true when the file read to its end, false when it was found corrupt */
    private boolean readExpectingOnlyCorruption(byte[] bytes, int round) {
        try (UploadFile file = formats.open(new ByteArrayInputStream(bytes))) {
            int read = 0;
            for (UploadEntry entry = file.next(); entry != null; entry = file.next()) {
                if (entry.index() != read++) {
                    fail("round " + round + ": entries out of order");
                }
            }
            file.facts();
            return true;
        } catch (CorruptUpload expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                fail("round " + round + ": a corrupt file without a detail");
            }
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("round " + round + ": " + e + " for " + new String(bytes, StandardCharsets.ISO_8859_1), e);
        }
    }
}
