package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.application.upload.port.out.UploadFormats;

/** The UploadFormats kit passes the line-format fake and fails a reader that loads the whole file first. */
class UploadFormatsContractTestCatchesBrokenReadersTest {

    @Test
    void theKitPassesTheLineFormatFake() {
        KitRun run = KitRun.of(LineUploadFormatsTest.class);
        assertEquals(List.of(), run.failed());
        assertEquals(5, run.passed().size(), () -> "passed " + run.passed());
    }

    @Test
    void aReaderThatLoadsTheWholeFileIsCaught() {
        KitRun run = KitRun.of(WholeFileRun.class);
        assertEquals(List.of("readingTheFirstRecordDoesNotReadTheWholeFile"), run.failed());
    }

    /** Broken: reads the whole content into memory before the first record. */
    static class WholeFileRun extends LineUploadFormatsTest {
        @Override
        protected UploadFormats formats() {
            UploadFormats lines = new LineUploadFormats();
            return content -> {
                try {
                    byte[] whole = content.readAllBytes();
                    return lines.open(new ByteArrayInputStream(whole));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

}
