package org.opencpis.bootstrap.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencpis.bootstrap.support.Api;

/** Helpers for the upload API tests: submitting files and waiting for their acknowledgements. */
final class UploadCalls {
    private UploadCalls() {
    }

    static Api.Response postJson(Api api, String token, String json) {
        return api.send("POST", "/api/v1/uploads", token, json, Map.of("Content-Type", "application/json"));
    }

    static Api.Response postCsv(Api api, String token, long sequenceNumber, String csv) {
        return api.send("POST", "/api/v1/uploads?sequenceNumber=" + sequenceNumber, token, csv,
                Map.of("Content-Type", "text/csv"));
    }

    /** The Location of an accepted upload. */
    static String accepted(Api.Response response) {
        assertEquals(202, response.status(), response.toString());
        String location = response.header("Location");
        assertNotNull(location, response.toString());
        return location;
    }

    /** Polls the acknowledgement until it is ready (200), for up to a minute. */
    static Api.Response acknowledgement(Api api, String token, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            Api.Response response = api.get(location, token);
            if (response.status() != 202 || Instant.now().isAfter(deadline)) {
                return response;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> records(Map<String, Object> acknowledgement) {
        return (List<Map<String, Object>>) acknowledgement.get("records");
    }

    /** The status of each record, in index order. */
    static List<Object> statuses(Map<String, Object> acknowledgement) {
        return records(acknowledgement).stream().map(record -> record.get("status")).toList();
    }

    static String jsonRecord(String nhsNumber, String planType, String familyName, String givenName, String dateOfBirth,
                             String extra) {
        return """
                {"nhsNumber": "%s", "planType": "%s", "startDate": "2024-01-10", "familyName": "%s",
                 "givenNames": ["%s"], "dateOfBirth": "%s"%s}""".formatted(nhsNumber, planType, familyName, givenName,
                dateOfBirth, extra.isEmpty() ? "" : ", " + extra);
    }

    static String jsonFile(long sequenceNumber, String... records) {
        return "{\"sequenceNumber\": " + sequenceNumber + ", \"records\": [" + String.join(",\n", records) + "]}";
    }
}
