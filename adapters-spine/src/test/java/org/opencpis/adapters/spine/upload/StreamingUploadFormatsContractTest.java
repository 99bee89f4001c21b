package org.opencpis.adapters.spine.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.opencpis.application.testing.UploadFormatsContractTest;
import org.opencpis.application.upload.port.out.UploadFormats;
import org.opencpis.domain.upload.UploadedRecord;

/** The real JSON and CSV readers held to the UploadFormats kit, with files as LA systems write them (CONTRACT §7). */
class StreamingUploadFormatsContractTest extends UploadFormatsContractTest {

    @Override
    protected UploadFormats formats() {
        return new StreamingUploadFormats();
    }

    private static String object(UploadedRecord r) {
        return "{\"nhsNumber\": \"%s\", \"planType\": \"%s\", \"startDate\": \"%s\", \"familyName\": \"%s\", \"givenNames\": [%s], \"dateOfBirth\": \"%s\"}"
                .formatted(r.nhsNumber(), r.planType(), r.startDate(), r.familyName(),
                        r.givenNames().stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", ")), r.dateOfBirth());
    }

    @Override
    protected byte[] json(long sequenceNumber, List<UploadedRecord> records) {
        return ("{\"sequenceNumber\": " + sequenceNumber + ", \"records\": ["
                + records.stream().map(StreamingUploadFormatsContractTest::object).collect(Collectors.joining(",\n")) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] csv(List<UploadedRecord> records) {
        return ("nhsNumber,planType,startDate,familyName,givenNames,dateOfBirth\n" + records.stream()
                .map(r -> String.join(",", r.nhsNumber(), r.planType(), r.startDate(), r.familyName(),
                        String.join(" ", r.givenNames()), r.dateOfBirth()))
                .collect(Collectors.joining("\n")) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] brokenAfter(List<UploadedRecord> records) {
        return ("{\"sequenceNumber\": 1, \"records\": ["
                + records.stream().map(StreamingUploadFormatsContractTest::object).collect(Collectors.joining(", "))
                + ", {\"nhsNumber\": ").getBytes(StandardCharsets.UTF_8);
    }
}
