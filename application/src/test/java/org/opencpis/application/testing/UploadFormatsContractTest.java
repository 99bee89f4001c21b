package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;
import org.opencpis.application.upload.port.out.UploadFormats;
import org.opencpis.domain.upload.UploadedRecord;

/**
 * What every {@link UploadFormats} must do: recognise the format from the content, give the
 * records in file order with their index, keep what came before a break, refuse content of
 * neither format, and stream (reading a record never reads the whole file first). Each
 * implementation writes the files in its own encoding.
 */
public abstract class UploadFormatsContractTest {

    protected abstract UploadFormats formats();

    /** A JSON-format file with the sequence number and records. */
    protected abstract byte[] json(long sequenceNumber, List<UploadedRecord> records);

    /** A CSV-format file with the records. */
    protected abstract byte[] csv(List<UploadedRecord> records);

    /** A JSON-format file whose structure breaks after the records. */
    protected abstract byte[] brokenAfter(List<UploadedRecord> records);

    protected static UploadedRecord record(int n) {
        return new UploadedRecord(TestData.nhsNumber(n).value(), n % 2 == 0 ? "CPP" : "LAC", "2024-01-15", null, null,
                "Family" + n, List.of("Given" + n, "Middle"), "2015-04-01", null, null, null, null, null);
    }

    private static List<UploadedRecord> records(int count) {
        List<UploadedRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(record(i));
        }
        return records;
    }

    private static void assertSameRecord(UploadedRecord expected, int index, UploadEntry entry) {
        UploadEntry.Readable readable = assertInstanceOf(UploadEntry.Readable.class, entry);
        assertEquals(index, readable.index());
        UploadedRecord read = readable.record();
        assertEquals(List.of(expected.nhsNumber(), expected.planType(), expected.startDate(), expected.familyName(),
                        expected.givenNames(), expected.dateOfBirth()),
                List.of(read.nhsNumber(), read.planType(), read.startDate(), read.familyName(), read.givenNames(),
                        read.dateOfBirth()));
    }

    @Test
    void aJsonFileGivesItsRecordsInOrderAndItsSequenceNumber() {
        try (UploadFile file = formats().open(new ByteArrayInputStream(json(7, records(3))))) {
            assertEquals(UploadFile.Format.JSON, file.format());
            for (int i = 0; i < 3; i++) {
                assertSameRecord(record(i + 1), i, file.next());
            }
            assertNull(file.next());
            assertEquals("7", file.facts().sequenceNumber());
        }
    }

    @Test
    void aCsvFileGivesItsRecordsInOrderAndNoFacts() {
        try (UploadFile file = formats().open(new ByteArrayInputStream(csv(records(3))))) {
            assertEquals(UploadFile.Format.CSV, file.format());
            for (int i = 0; i < 3; i++) {
                assertSameRecord(record(i + 1), i, file.next());
            }
            assertNull(file.next());
            assertNull(file.facts().sequenceNumber());
        }
    }

    @Test
    void contentOfNeitherFormatIsCorrupt() {
        assertThrows(CorruptUpload.class, () -> formats().open(new ByteArrayInputStream("hello, world\n".getBytes())).next());
        assertThrows(CorruptUpload.class, () -> formats().open(new ByteArrayInputStream(new byte[0])).next());
    }

    @Test
    void aFileThatBreaksKeepsTheRecordsBeforeTheBreak() {
        try (UploadFile file = formats().open(new ByteArrayInputStream(brokenAfter(records(2))))) {
            assertSameRecord(record(1), 0, file.next());
            assertSameRecord(record(2), 1, file.next());
            assertThrows(CorruptUpload.class, file::next);
        }
    }

    @Test
    void readingTheFirstRecordDoesNotReadTheWholeFile() {
        byte[] large = json(1, records(20_000));
        AtomicLong read = new AtomicLong();
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(large)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                read.addAndGet(Math.max(n, 0));
                return n;
            }

            @Override
            public int read() throws IOException {
                read.incrementAndGet();
                return super.read();
            }
        };
        try (UploadFile file = formats().open(counting)) {
            assertSameRecord(record(1), 0, file.next());
            assertTrue(read.get() < large.length / 4, () -> read.get() + " of " + large.length + " bytes read for one record");
        }
    }
}
