package org.opencpis.adapters.spine.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;
import org.opencpis.domain.upload.UploadedRecord;

class StreamingUploadFormatsTest {
    private final StreamingUploadFormats formats = new StreamingUploadFormats();

    static final String JSON = """
            {"sequenceNumber": 42, "recordCount": 2, "records": [
              {"nhsNumber": "943 476 5919", "planType": "CPP", "startDate": "2024-01-10", "endDate": null,
               "familyName": "Smith", "givenNames": ["Alice", "May"], "dateOfBirth": "2015-03-01", "localId": "C-1",
               "schoolUrn": "100001", "gpPracticeOdsCode": "Y01234", "postcode": "N1 1AA"},
              {"nhsNumber": 9000000009, "planType": "LAC", "startDate": "2023-05-01", "deleteDate": "2024-02-01",
               "familyName": "Jones", "givenNames": "Ben  Carl", "dateOfBirth": "2018-07-12", "lacLegalStatus": "S31"}
            ]}""";

    static final String CSV = "nhsNumber,planType,startDate,familyName,givenNames,dateOfBirth,localId\r\n"
            + "9434765919,CPP,2024-01-10,\"Smith, jr\",Alice May,2015-03-01,\"C \"\"1\"\"\"\r\n"
            + "9000000009,UCPP,2023-05-01,O'Brien,Ann,1990-01-20,\"line one\nline two\"\r\n";

    @Test
    void readsAJsonFileRecordByRecord() {
        List<UploadEntry> entries = new ArrayList<>();
        try (UploadFile file = open(JSON)) {
            assertEquals(UploadFile.Format.JSON, file.format());
            for (UploadEntry entry = file.next(); entry != null; entry = file.next()) {
                entries.add(entry);
            }
            assertEquals(new UploadFile.Facts("42", "2"), file.facts());
            assertNull(file.next(), "stays at the end");
        }

        assertEquals(2, entries.size());
        UploadedRecord first = readable(entries.get(0), 0);
        assertEquals("943 476 5919", first.nhsNumber());
        assertEquals("CPP", first.planType());
        assertEquals(List.of("Alice", "May"), first.givenNames());
        assertNull(first.endDate());
        assertEquals("N1 1AA", first.postcode());
        assertEquals("Y01234", first.gpPracticeOdsCode());
        UploadedRecord second = readable(entries.get(1), 1);
        assertEquals("9000000009", second.nhsNumber(), "a number is taken as its text");
        assertEquals(List.of("Ben", "Carl"), second.givenNames(), "a string of names is split on spaces");
        assertEquals("2024-02-01", second.deleteDate());
        assertEquals("S31", second.lacLegalStatus());
    }

    @Test
    void jsonMembersMayComeInAnyOrderAndUnknownOnesAreSkipped() {
        String json = """
                \uFEFF
                  {"creationTime": {"nested": [1, 2, {"x": "y"}]}, "records": [
                    {"planType": "CPP", "extra": {"a": [1]}, "nhsNumber": "9434765919"}],
                   "sequenceNumber": "7"}  \n""";
        List<UploadEntry> entries = readAll(json);

        assertEquals(1, entries.size());
        assertEquals("9434765919", readable(entries.get(0), 0).nhsNumber());
        try (UploadFile file = open(json)) {
            while (file.next() != null) {
                // to the end
            }
            assertEquals(new UploadFile.Facts("7", null), file.facts());
        }
    }

    @Test
    void aJsonRecordWithValuesOfTheWrongKindIsUnreadableButTheFileGoesOn() {
        List<UploadEntry> entries = readAll("""
                {"sequenceNumber": 1, "records": [
                  {"nhsNumber": "9434765919", "planType": "CPP", "startDate": {"y": 2024}, "givenNames": [["A"]]},
                  "not a record",
                  [1, 2],
                  {"nhsNumber": "9000000009", "planType": "CPP", "familyName": true},
                  {"nhsNumber": "9000000009", "planType": "LAC"}
                ]}""");

        assertEquals(5, entries.size());
        UploadEntry.Unreadable first = assertInstanceOf(UploadEntry.Unreadable.class, entries.get(0));
        assertEquals("9434765919", first.nhsNumber());
        assertEquals("CPP", first.planType());
        assertTrue(first.detail().contains("startDate must be text"), first.detail());
        assertTrue(first.detail().contains("givenNames"), first.detail());
        assertEquals("the record is not a JSON object", ((UploadEntry.Unreadable) entries.get(1)).detail());
        assertEquals(2, entries.get(2).index());
        assertInstanceOf(UploadEntry.Unreadable.class, entries.get(3));
        assertEquals("LAC", readable(entries.get(4), 4).planType());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"sequenceNumber\": 1, \"records\": [{\"nhsNumber\": \"9434765919\"",
        "{\"sequenceNumber\": 1, \"records\": [{\"nhsNumber\": \"9434765919\"}",
        "{\"sequenceNumber\": 1, \"records\": [{\"nhsNumber\": \"943",
        "{\"sequenceNumber\": 1, \"records\": []",
        "{\"sequenceNumber\": 1, \"records\": [] } trailing",
        "{\"sequenceNumber\": 1, \"records\": [] } {}",
        "{\"sequenceNumber\": 1, \"records\": [{\"nhsNumber\": \"9434765919\",}]}",
        "{\"sequenceNumber\": 1, \"records\": [{nhsNumber: 1}]}",
        "{\"sequenceNumber\": 1}",
        "{\"sequenceNumber\": 1, \"records\": {}}",
        "{\"sequenceNumber\": 1, \"records\": [], \"records\": []}",
        "{\"sequenceNumber\": [1], \"records\": []}",
        "{\"records\": [{\"familyName\": \"Smith\"}] \"x\": 1}",
        "{",
        "   {  ",
    })
    void aJsonFileThatCannotBeReadToItsEndIsCorrupt(String json) {
        CorruptUpload corrupt = assertThrows(CorruptUpload.class, () -> readAll(json));
        assertFalse(corrupt.getMessage().contains("9434765919") || corrupt.getMessage().contains("Smith"),
                "no data in the detail: " + corrupt.getMessage());
    }

    @Test
    void aCorruptJsonFileSaysWhere() {
        CorruptUpload corrupt = assertThrows(CorruptUpload.class,
                () -> readAll("{\"sequenceNumber\": 1,\n \"records\": [\n {\"familyName\": \"Smi"));
        assertTrue(corrupt.getMessage().contains("line 3"), corrupt.getMessage());
        assertFalse(corrupt.getMessage().contains("Smi"), corrupt.getMessage());
    }

    @Test
    void anOverlongJsonValueMakesTheFileCorruptInsteadOfFillingMemory() {
        String huge = "x".repeat(JsonUploadFile.MAX_TEXT + 1);
        assertThrows(CorruptUpload.class,
                () -> readAll("{\"sequenceNumber\": 1, \"records\": [{\"familyName\": \"" + huge + "\"}]}"));
    }

    @Test
    void jsonThatIsNotUtf8IsCorrupt() {
        byte[] prefix = "{\"sequenceNumber\": 1, \"records\": [{\"familyName\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xC3;
        bytes[prefix.length + 1] = (byte) 0x28;
        bytes[prefix.length + 2] = '"';
        bytes[prefix.length + 3] = '}';
        assertThrows(CorruptUpload.class, () -> readAll(new ByteArrayInputStream(bytes)));
    }

    @Test
    void readsACsvFileWithRfc4180Quoting() {
        List<UploadEntry> entries;
        try (UploadFile file = open(CSV)) {
            assertEquals(UploadFile.Format.CSV, file.format());
            entries = drain(file);
            assertEquals(new UploadFile.Facts(null, null), file.facts());
        }

        assertEquals(2, entries.size());
        UploadedRecord first = readable(entries.get(0), 0);
        assertEquals("Smith, jr", first.familyName());
        assertEquals(List.of("Alice", "May"), first.givenNames());
        assertEquals("C \"1\"", first.localId());
        assertNull(first.endDate());
        UploadedRecord second = readable(entries.get(1), 1);
        assertEquals("O'Brien", second.familyName());
        assertEquals("line one\nline two", second.localId());
        assertEquals("UCPP", second.planType());
    }

    @Test
    void csvColumnsMayComeInAnyOrderAndCaseAndUnknownOnesAreIgnored() {
        String csv = "\uFEFF\n\n Surname , PLANTYPE,NHSNUMBER,startdate\n"
                + "x,LAC, 9434765919 ,\n"
                + "\n"
                + "y,CPP,9000000009,2024-01-01";
        List<UploadEntry> entries = readAll(csv);

        assertEquals(2, entries.size());
        UploadedRecord first = readable(entries.get(0), 0);
        assertEquals("9434765919", first.nhsNumber(), "values are trimmed");
        assertNull(first.startDate(), "empty is absent");
        assertNull(first.familyName(), "an unknown column is ignored");
        assertEquals("2024-01-01", readable(entries.get(1), 1).startDate(), "the last line needs no line break");
    }

    @Test
    void aCsvRowWithTheWrongNumberOfFieldsIsUnreadableButTheFileGoesOn() {
        List<UploadEntry> entries = readAll("nhsNumber,planType,startDate\n"
                + "9434765919,CPP\n"
                + "9000000009,CPP,2024-01-01,extra\n"
                + "9000000009,LAC,2024-01-01\r\n");

        assertEquals(3, entries.size());
        UploadEntry.Unreadable short1 = assertInstanceOf(UploadEntry.Unreadable.class, entries.get(0));
        assertEquals("9434765919", short1.nhsNumber());
        assertEquals("line 2: the row has 2 fields; the header has 3", short1.detail());
        assertEquals("line 3: the row has 4 fields; the header has 3",
                ((UploadEntry.Unreadable) entries.get(1)).detail());
        assertEquals("LAC", readable(entries.get(2), 2).planType());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "nhsNumber,planType\n9434765919,\"CPP\n",
        "nhsNumber,planType\n9434765919,\"CP\"P\n",
        "nhsNumber,planType\n94347\"65919,CPP\n",
        "nhsNumber,planType\n\"9434765919\" ,CPP\n",
        "nhsNumber,planType,nhsnumber\n1,2,3\n",
        "nhsNumber,startDate\n9434765919,2024-01-01\n",
        "just some text\nwithout a header",
        "",
        " \n\t\r\n",
        "[1, 2, 3]",
    })
    void aCsvFileThatCannotBeReadIsCorrupt(String csv) {
        assertThrows(CorruptUpload.class, () -> readAll(csv));
    }

    @Test
    void aCorruptCsvFileSaysWhichLine() {
        CorruptUpload corrupt = assertThrows(CorruptUpload.class,
                () -> readAll("nhsNumber,planType\r\n9434765919,CPP\r\n9000000009,\"LAC\r\n"));
        assertTrue(corrupt.getMessage().startsWith("line 4: a quoted field is not closed"), corrupt.getMessage());
    }

    @Test
    void csvThatIsNotUtf8IsCorrupt() {
        byte[] bytes = "nhsNumber,planType,familyName\n9434765919,CPP,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(CorruptUpload.class, () -> readAll(new ByteArrayInputStream(bytes)));
    }

    @Test
    void anOverlongCsvFieldMakesTheFileCorruptInsteadOfFillingMemory() {
        CorruptUpload corrupt = assertThrows(CorruptUpload.class,
                () -> readAll(new EndlessInputStream("nhsNumber,planType\n9434765919,\"", "x")));
        assertTrue(corrupt.getMessage().contains("longer than"), corrupt.getMessage());
        assertThrows(CorruptUpload.class, () -> readAll(new EndlessInputStream("nhsNumber,planType\n", ",")));
    }

    @Test
    void filesAreReadLazilyNotAllAtOnce() {
        String row = "{\"nhsNumber\": \"9434765919\", \"planType\": \"CPP\"},";
        try (UploadFile file = formats.open(new EndlessInputStream("{\"sequenceNumber\": 1, \"records\": [", row))) {
            for (int i = 0; i < 10_000; i++) {
                assertEquals(i, file.next().index());
            }
        }
        try (UploadFile file = formats.open(new EndlessInputStream("nhsNumber,planType\n", "9434765919,CPP\n"))) {
            for (int i = 0; i < 10_000; i++) {
                assertEquals(i, file.next().index());
            }
        }
    }

    private UploadFile open(String content) {
        return formats.open(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private List<UploadEntry> readAll(String content) {
        return readAll(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private List<UploadEntry> readAll(InputStream content) {
        try (UploadFile file = formats.open(content)) {
            return drain(file);
        }
    }

    private static List<UploadEntry> drain(UploadFile file) {
        List<UploadEntry> entries = new ArrayList<>();
        for (UploadEntry entry = file.next(); entry != null; entry = file.next()) {
            entries.add(entry);
        }
        return entries;
    }

    private static UploadedRecord readable(UploadEntry entry, int index) {
        assertEquals(index, entry.index());
        return assertInstanceOf(UploadEntry.Readable.class, entry, entry.toString()).record();
    }

    /** A prefix, then the same text over and over, forever. */
    static final class EndlessInputStream extends InputStream {
        private final byte[] prefix;
        private final byte[] repeated;
        private long position;

        EndlessInputStream(String prefix, String repeated) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.repeated = repeated.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            long at = position++;
            if (at < prefix.length) {
                return prefix[(int) at] & 0xff;
            }
            return repeated[(int) ((at - prefix.length) % repeated.length)] & 0xff;
        }
    }
}
