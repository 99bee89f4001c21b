package org.opencpis.adapters.rest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.UploadAcknowledgement;

class AcknowledgementBodyTest {
    private static final UUID ID = UUID.randomUUID();

    @Test
    void writesTheAcknowledgementWithNullFieldsAndEveryRecordInOrder() throws IOException {
        UploadAcknowledgement ack = new UploadAcknowledgement(ID, ID, new OdsCode("706"), new SequenceNumber(12),
                FileStatus.CPF03, 2, 1, null);
        List<RecordResult> results = List.of(
                new RecordResult(0, "9434765919", "CPP", RecordOutcome.CPR06, "CREATED"),
                new RecordResult(1, "12\"3", null, RecordOutcome.CPR07, "nhsNumber INVALID_NHS_NUMBER (\u00e9)"));

        Map<String, Object> json = parse(new AcknowledgementBody(ack, (from, limit) ->
                results.subList(Math.min(from, results.size()), Math.min(from + limit, results.size()))));

        Map<String, Object> expected = new HashMap<>();
        expected.put("sequenceNumber", 12);
        expected.put("fileStatus", "CPF03");
        expected.put("received", 2);
        expected.put("loaded", 1);
        expected.put("detail", null);
        Map<String, Object> second = new HashMap<>();
        second.put("index", 1);
        second.put("nhsNumber", "12\"3");
        second.put("planType", null);
        second.put("status", "CPR07");
        second.put("detail", "nhsNumber INVALID_NHS_NUMBER (\u00e9)");
        expected.put("records", List.of(
                Map.of("index", 0, "nhsNumber", "9434765919", "planType", "CPP", "status", "CPR06", "detail", "CREATED"),
                second));
        assertEquals(expected, json);
    }

    @Test
    void aCorruptFileHasNoSequenceNumberAndNoRecords() throws IOException {
        UploadAcknowledgement ack = new UploadAcknowledgement(ID, ID, new OdsCode("706"), null, FileStatus.CPF01, 0, 0,
                "line 3: a quoted field is not closed before the end of the file");

        Map<String, Object> json = parse(new AcknowledgementBody(ack, (from, limit) -> List.of()));

        assertTrue(json.containsKey("sequenceNumber"));
        assertEquals(null, json.get("sequenceNumber"));
        assertEquals(List.of(), json.get("records"));
        assertEquals("line 3: a quoted field is not closed before the end of the file", json.get("detail"));
    }

    @Test
    void recordsAreFetchedAPageAtATimeAsTheyAreRead() throws IOException {
        int total = AcknowledgementBody.PAGE * 3 + 7;
        UploadAcknowledgement ack = new UploadAcknowledgement(ID, ID, new OdsCode("706"), new SequenceNumber(1),
                FileStatus.CPF02, total, total, null);
        List<Integer> asked = new ArrayList<>();
        AcknowledgementBody body = new AcknowledgementBody(ack, (from, limit) -> {
            asked.add(from);
            List<RecordResult> page = new ArrayList<>();
            for (int i = from; i < Math.min(from + limit, total); i++) {
                page.add(new RecordResult(i, "9434765919", "CPP", RecordOutcome.CPR06, "CREATED"));
            }
            return page;
        });

        byte[] start = new byte[10];
        assertEquals(10, body.read(start));
        assertEquals(List.of(), asked, "the file-level fields need no records");
        Map<String, Object> json = parse(start, body);

        assertEquals(List.of(0, 1000, 2000, 3000), asked);
        assertEquals(total, ((List<?>) json.get("records")).size());
    }

    private static Map<String, Object> parse(InputStream body) throws IOException {
        return parse(new byte[0], body);
    }

    private static Map<String, Object> parse(byte[] start, InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(start);
        byte[] buffer = new byte[777];
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
            out.write(buffer, 0, read);
        }
        body.close();
        return JsonMapper.createDefault().readValue(out.toString(StandardCharsets.UTF_8),
                Argument.mapOf(String.class, Object.class));
    }
}
