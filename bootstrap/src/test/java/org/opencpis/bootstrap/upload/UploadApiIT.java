package org.opencpis.bootstrap.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.bootstrap.upload.UploadCalls.accepted;
import static org.opencpis.bootstrap.upload.UploadCalls.acknowledgement;
import static org.opencpis.bootstrap.upload.UploadCalls.jsonFile;
import static org.opencpis.bootstrap.upload.UploadCalls.jsonRecord;
import static org.opencpis.bootstrap.upload.UploadCalls.postCsv;
import static org.opencpis.bootstrap.upload.UploadCalls.postJson;
import static org.opencpis.bootstrap.upload.UploadCalls.records;
import static org.opencpis.bootstrap.upload.UploadCalls.statuses;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.adapters.spine.messaging.InProcessSpineMessaging;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Tokens;

/**
 * CONTRACT §7 over HTTP: LA uploads in JSON and CSV, each answered with its acknowledgement,
 * processed by the scheduled processor. Only the numbers in {@code pds-fixture.json} match PDS;
 * any other gets CPR01.
 */
class UploadApiIT extends ApiTestBase {
    private static final String ALICE = "9990001006";
    private static final String BEN = "9990001014";
    private static final String CARLA = "9990001022";
    private static final String HIDDEN = "9990001030";
    private static final String OLDSTYLE = "9990001049";
    private static final String SUPERSEDED = "9990001057";
    private static final String DAN = "9990001073";
    private static final String NOT_IN_PDS = "9990000018";
    private static final String ISLINGTON = "706";
    private static final String CAMDEN = "707";
    private static final String HACKNEY = "708";
    private static final String UNREGISTERED = "799";

    @Inject
    InProcessSpineMessaging messaging;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("opencpis.uploads.processing.interval", "100ms");
        properties.put("opencpis.uploads.processing.initial-delay", "100ms");
        properties.put("opencpis.relay.interval", "100ms");
        properties.put("opencpis.messaging.transport", "in-process");
        properties.put("micronaut.server.max-request-size", String.valueOf(16 * 1024 * 1024));
        return properties;
    }

    @BeforeAll
    void registerLocalAuthorities() {
        registerLa(ISLINGTON, "London Borough of Islington");
        registerLa(CAMDEN, "London Borough of Camden");
        registerLa(HACKNEY, "London Borough of Hackney");
    }

    @Test
    void aFileOfGoodRecordsIsLoadedWholeAndAcknowledgedOverMesh() {
        String location = accepted(postJson(api(), Tokens.la(ISLINGTON), jsonFile(1,
                jsonRecord(ALICE, "CPP", "SMITH", "alice", "2015-03-01", "\"postcode\": \"n11aa\""),
                jsonRecord(BEN, "LAC", "Jones", "Ben", "2018-07-12", "\"lacLegalStatus\": \"S31\""))));
        assertTrue(location.startsWith("/api/v1/uploads/"), location);

        Api.Response answer = acknowledgement(api(), Tokens.la(ISLINGTON), location);

        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        Map<String, Object> ack = answer.json();
        assertEquals(1, ack.get("sequenceNumber"));
        assertEquals("CPF02", ack.get("fileStatus"));
        assertEquals(2, ack.get("received"));
        assertEquals(2, ack.get("loaded"));
        assertTrue(ack.containsKey("detail"));
        assertEquals(List.of(
                Map.of("index", 0, "nhsNumber", ALICE, "planType", "CPP", "status", "CPR06", "detail", "CREATED"),
                Map.of("index", 1, "nhsNumber", BEN, "planType", "LAC", "status", "CPR06", "detail", "CREATED")),
                records(ack));
        Api.Response plan = api().get("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(ISLINGTON));
        assertEquals(200, plan.status());
        assertEquals("N1 1AA", plan.json().get("postcode"));

        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        InProcessSpineMessaging.Delivered sent = awaitAcknowledgementMessage(uploadId);
        assertEquals("LA706MB", sent.mailbox());
        assertEquals("CPIS_UPLOAD_ACK", sent.workflowId());
        assertEquals(ack, new Api.Response(200, Map.of(), sent.body()).json(), "the same acknowledgement over MESH");
    }

    @Test
    void aCsvFileLoadsItsValidRecordsAndGivesACodePerRecord() {
        String csv = """
                nhsNumber,planType,startDate,familyName,givenNames,dateOfBirth,lacLegalStatus,localId
                %s,CPP,2024-02-01,Davies,Maria Carla,1990-01-20,,"CASE, 7"
                %s,CPP,2024-02-01,Nobody,Ann,2010-01-01,,
                %s,CPP,2024-02-01,Hidden,Sam,2016-01-01,,
                %s,UCPP,2024-02-01,Wrong,Carla,1990-01-20,,
                %s,CPP,2024-02-01,Oldstyle,Olga,2012-02-02,,
                %s,CPP,2024-02-01,Super,Sid,2014-04-04,,
                1234567890,CPP,2024-02-01,Smith,Alice,2015-03-01,,
                %s,LAC,2024-02-01,Lee,Dan,2017-05-05,,
                %s,CPP,2024-02-01
                """.formatted(CARLA, NOT_IN_PDS, HIDDEN, CARLA, OLDSTYLE, SUPERSEDED, DAN, DAN);

        Map<String, Object> ack = acknowledgement(api(), Tokens.la(CAMDEN),
                accepted(postCsv(api(), Tokens.la(CAMDEN), 1, csv))).json();

        assertEquals("CPF03", ack.get("fileStatus"), ack.toString());
        assertEquals(1, ack.get("sequenceNumber"));
        assertEquals(9, ack.get("received"));
        assertEquals(1, ack.get("loaded"));
        assertEquals(List.of("CPR06", "CPR01", "CPR02", "CPR03", "CPR04", "CPR05", "CPR07", "CPR07", "CPR07"), statuses(ack));
        List<Map<String, Object>> records = records(ack);
        assertTrue(((String) records.get(5).get("detail")).contains("9990001065"), records.get(5).toString());
        assertEquals("1234567890", records.get(6).get("nhsNumber"));
        assertTrue(((String) records.get(6).get("detail")).contains("nhsNumber INVALID_NHS_NUMBER"), records.get(6).toString());
        assertTrue(((String) records.get(7).get("detail")).contains("lacLegalStatus MISSING_FIELD"), records.get(7).toString());
        assertTrue(((String) records.get(8).get("detail")).contains("3 fields"), records.get(8).toString());
        assertEquals(DAN, records.get(8).get("nhsNumber"));
        Api.Response carla = api().get("/api/v1/plans/" + CARLA + "/CPP", Tokens.la(CAMDEN));
        assertEquals(200, carla.status());
        assertEquals("CASE, 7", carla.json().get("localId"));
        assertEquals(404, api().get("/api/v1/plans/" + CARLA + "/UCPP", Tokens.la(CAMDEN)).status(), "not loaded");
    }

    @Test
    void aFileWithNoValidRecordIsAnsweredCpf04() {
        Map<String, Object> ack = acknowledgement(api(), Tokens.la(HACKNEY), accepted(postJson(api(), Tokens.la(HACKNEY),
                jsonFile(1, jsonRecord(NOT_IN_PDS, "CPP", "Nobody", "Ann", "2010-01-01", ""),
                        "{\"nhsNumber\": \"" + ALICE + "\", \"planType\": \"CPP\"}")))).json();

        assertEquals("CPF04", ack.get("fileStatus"));
        assertEquals(2, ack.get("received"));
        assertEquals(0, ack.get("loaded"));
        assertEquals(List.of("CPR01", "CPR07"), statuses(ack));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "neither"})
    void aCorruptFileIsAnsweredCpf01AndNothingOfItIsApplied(String kind) {
        String token = Tokens.la(HACKNEY);
        Api.Response posted = switch (kind) {
            case "json" -> postJson(api(), token, jsonFile(100,
                    jsonRecord(DAN, "CPP", "Lee", "Dan", "2017-05-05", "")).replace("]}", ", {\"nhsNumber\": \"99"));
            case "csv" -> postCsv(api(), token, 100, "nhsNumber,planType,startDate,familyName,givenNames,dateOfBirth\n"
                    + DAN + ",CPP,2024-01-10,Lee,Dan,2017-05-05\n" + DAN + ",\"UCPP,2024-01-10,Lee,Dan,2017-05-05\n");
            default -> api().send("POST", "/api/v1/uploads?sequenceNumber=100", token, "<xml>not an upload</xml>",
                    Map.of("Content-Type", "application/octet-stream"));
        };

        Map<String, Object> ack = acknowledgement(api(), token, accepted(posted)).json();

        assertEquals("CPF01", ack.get("fileStatus"), ack.toString());
        assertEquals(0, ack.get("received"));
        assertEquals(0, ack.get("loaded"));
        assertEquals(List.of(), records(ack));
        assertTrue(ack.get("detail") instanceof String detail && !detail.isBlank(), ack.toString());
        assertEquals(404, api().get("/api/v1/plans/" + DAN + "/CPP", token).status(), "nothing applied");
    }

    @Test
    void aCorruptFileDoesNotUseUpItsSequenceNumber() {
        String token = Tokens.la(ISLINGTON);
        Map<String, Object> corrupt = acknowledgement(api(), token,
                accepted(postJson(api(), token, "{\"sequenceNumber\": 50, \"records\": [{"))).json();
        assertEquals("CPF01", corrupt.get("fileStatus"));

        Map<String, Object> resent = acknowledgement(api(), token, accepted(postJson(api(), token,
                jsonFile(50, jsonRecord(DAN, "UCPP", "Lee", "Dan", "2017-05-05", ""))))).json();

        assertEquals("CPF02", resent.get("fileStatus"), resent.toString());
    }

    @Test
    void aRepeatedSequenceNumberIsNotAppliedAgainAndItsAcknowledgementIsRepeated() {
        String token = Tokens.la(CAMDEN);
        String first = accepted(postJson(api(), token, jsonFile(20,
                jsonRecord(ALICE, "UCPP", "Smith", "Alice", "2015-03-01", "\"localId\": \"FIRST\""))));
        Map<String, Object> firstAck = acknowledgement(api(), token, first).json();
        assertEquals("CPF02", firstAck.get("fileStatus"));

        String repeat = accepted(postCsv(api(), token, 20, "nhsNumber,planType,startDate,familyName,givenNames,dateOfBirth,localId\n"
                + ALICE + ",UCPP,2024-01-10,Smith,Alice,2015-03-01,SECOND\n" + BEN + ",UCPP,2024-01-10,Jones,Ben,2018-07-12,\n"));
        Api.Response repeated = acknowledgement(api(), token, repeat);

        assertNotEquals(first, repeat);
        assertEquals(200, repeated.status());
        assertEquals(firstAck, repeated.json(), "the earlier acknowledgement, repeated");
        assertEquals("FIRST", api().get("/api/v1/plans/" + ALICE + "/UCPP", token).json().get("localId"), "not applied again");
        assertEquals(404, api().get("/api/v1/plans/" + BEN + "/UCPP", token).status());
        awaitAcknowledgementMessage(repeat.substring(repeat.lastIndexOf('/') + 1));
    }

    @Test
    void twoFilesWithOneSequenceNumberSentTogetherAreNotBothApplied() {
        String token = Tokens.la(HACKNEY);
        String a = accepted(postJson(api(), token, jsonFile(30,
                jsonRecord(CARLA, "UCPP", "Davies", "Carla", "1990-01-20", "\"localId\": \"A\""))));
        String b = accepted(postJson(api(), token, jsonFile(30,
                jsonRecord(CARLA, "UCPP", "Davies", "Carla", "1990-01-20", "\"localId\": \"B\""))));

        Map<String, Object> ackA = acknowledgement(api(), token, a).json();
        Map<String, Object> ackB = acknowledgement(api(), token, b).json();

        assertEquals(ackA, ackB);
        assertEquals("CPF02", ackA.get("fileStatus"));
        assertEquals("CREATED", records(ackA).get(0).get("detail"), "applied once, by one of them");
        assertEquals("A", api().get("/api/v1/plans/" + CARLA + "/UCPP", token).json().get("localId"),
                "the first file submitted took the number");
    }

    @Test
    void aJsonFileWhoseSequenceNumberDiffersFromTheOneGivenBesideItIsCorrupt() {
        String token = Tokens.la(HACKNEY);
        Api.Response posted = api().send("POST", "/api/v1/uploads?sequenceNumber=41", token,
                jsonFile(40, jsonRecord(DAN, "LAC", "Lee", "Dan", "2017-05-05", "\"lacLegalStatus\": \"S20\"")),
                Map.of("Content-Type", "application/json"));

        Map<String, Object> ack = acknowledgement(api(), token, accepted(posted)).json();

        assertEquals("CPF01", ack.get("fileStatus"));
        assertTrue(((String) ack.get("detail")).contains("differs"), ack.toString());
    }

    @Test
    void anotherLasUploadIsNotFound() {
        String location = accepted(postJson(api(), Tokens.la(ISLINGTON), jsonFile(60,
                jsonRecord(DAN, "CPP", "Lee", "Dan", "2017-05-05", ""))));
        acknowledgement(api(), Tokens.la(ISLINGTON), location);

        Api.Response other = api().get(location, Tokens.la(CAMDEN));

        assertEquals(404, other.status());
        assertEquals("NOT_FOUND", other.json().get("code"));
        assertEquals("application/problem+json", other.header("Content-Type"));
        assertEquals(404, api().get("/api/v1/uploads/" + UUID.randomUUID(), Tokens.la(ISLINGTON)).status());
        assertEquals(404, api().get("/api/v1/uploads/not-a-uuid", Tokens.la(ISLINGTON)).status());
    }

    @Test
    void onlyALocalAuthorityMayUploadOrRead() {
        String body = jsonFile(70, jsonRecord(DAN, "CPP", "Lee", "Dan", "2017-05-05", ""));
        String location = "/api/v1/uploads/" + UUID.randomUUID();
        assertEquals(401, postJson(api(), null, body).status());
        assertEquals(401, postJson(api(), Tokens.wrongKeyLa(ISLINGTON), body).status());
        assertEquals(401, postJson(api(), Tokens.unsignedLa(ISLINGTON), body).status());
        assertEquals(401, postJson(api(), Tokens.expiredLa(ISLINGTON), body).status());
        assertEquals(401, api().get(location, null).status());
        Api.Response admin = postJson(api(), Tokens.admin(), body);
        assertEquals(403, admin.status());
        assertEquals("application/problem+json", admin.header("Content-Type"));
        assertEquals(403, postJson(api(), Tokens.staff("RRV", "B0107", "B0170"), body).status());
        assertEquals(403, api().get(location, Tokens.auditor()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "99999999999999999999"})
    void aBadSequenceNumberIs400(String sequenceNumber) {
        Api.Response response = api().send("POST", "/api/v1/uploads?sequenceNumber=" + sequenceNumber, Tokens.la(ISLINGTON),
                "nhsNumber,planType\n", Map.of("Content-Type", "text/csv"));

        assertEquals(400, response.status(), response.toString());
        assertEquals("INVALID_SEQUENCE_NUMBER", response.json().get("code"));
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    @Test
    void aCsvFileNeedsItsSequenceNumberAndAnUploadNeedsContent() {
        Api.Response csv = api().send("POST", "/api/v1/uploads", Tokens.la(ISLINGTON), "nhsNumber,planType\n",
                Map.of("Content-Type", "text/csv"));
        assertEquals(400, csv.status(), csv.toString());
        assertEquals("MISSING_FIELD", csv.json().get("code"));

        Api.Response empty = postJson(api(), Tokens.la(ISLINGTON), "");
        assertEquals(400, empty.status(), empty.toString());
        assertEquals("EMPTY_UPLOAD", empty.json().get("code"));

        Api.Response xml = api().send("POST", "/api/v1/uploads", Tokens.la(ISLINGTON), "<a/>",
                Map.of("Content-Type", "application/xml"));
        assertEquals(415, xml.status(), xml.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anUploadLargerThanTheServerTakesIs413AtOnceWhetherItsLengthIsDeclaredOrNot(boolean declared) throws Exception {
        byte[] tooLarge = (" ".repeat(17 * 1024 * 1024) + jsonFile(90, jsonRecord(DAN, "CPP", "Lee", "Dan", "2017-05-05", "")))
                .getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        {
            HttpRequest.BodyPublisher body = declared ? HttpRequest.BodyPublishers.ofByteArray(tooLarge)
                    : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge));
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/uploads"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Tokens.la(ISLINGTON))
                        .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException closedWhileSending) {
                // Netty refuses a declared over-limit length by answering 413 and closing; the JDK client can see the
                // close before the answer. Either way nothing was accepted and the service is unharmed.
                assertTrue(declared, "only a declared length is refused before the body is read");
                assertEquals(200, api().get("/health", null).status());
                return;
            }

            assertEquals(413, response.statusCode(), (declared ? "declared: " : "chunked: ") + response.body());
            assertTrue(response.body().contains("UPLOAD_TOO_LARGE"), response.body());
        }
    }

    @Test
    void anUnregisteredLocalAuthorityCannotUpload() {
        Api.Response response = postJson(api(), Tokens.la(UNREGISTERED), jsonFile(1,
                jsonRecord(DAN, "CPP", "Lee", "Dan", "2017-05-05", "")));

        assertEquals(422, response.status(), response.toString());
        assertEquals("UNKNOWN_ORGANISATION", response.json().get("code"));
    }

    @Test
    void aRecordWithAnExplicitDeleteDateIsWithdrawnFromThatDay() {
        String token = Tokens.la(ISLINGTON);
        Map<String, Object> ack = acknowledgement(api(), token, accepted(postJson(api(), token, jsonFile(80,
                jsonRecord(CARLA, "UCPP", "Davies", "Carla", "1990-01-20", "\"deleteDate\": \"2024-03-01\""))))).json();

        assertEquals("CPF02", ack.get("fileStatus"), ack.toString());
        Api.Response plan = api().get("/api/v1/plans/" + CARLA + "/UCPP", token);
        assertEquals("2024-03-01", plan.json().get("deleteDate"));
        assertEquals("2024-02-29", plan.json().get("visibleUntil"));
    }

    private InProcessSpineMessaging.Delivered awaitAcknowledgementMessage(String uploadId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (InProcessSpineMessaging.Delivered delivered : messaging.sent()) {
                if (delivered.localId().equals(uploadId)) {
                    return delivered;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no acknowledgement of " + uploadId + " was sent");
    }
}
