package org.opencpis.bootstrap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Tokens;

/** CONTRACT §6 over HTTP: an LA's own records, their errors and who may touch them. */
class PlanApiIT extends ApiTestBase {
    private static final String ALICE = "9990001006";
    private static final String BEN = "9990001014";
    private static final String CARLA = "9990001022";
    private static final String DAN = "9990001073";
    private static final String ALICE_BODY = """
            {"startDate": "2024-01-10", "familyName": "SMITH", "givenNames": ["alice"], "dateOfBirth": "2015-03-01",
             "localId": "CASE-1", "schoolUrn": "100001", "postcode": "n11aa"}""";

    @BeforeAll
    void registerLocalAuthorities() {
        registerLa("706", "London Borough of Islington");
        registerLa("707", "London Borough of Camden");
    }

    @Test
    void createsThenUpdatesAndIsIdempotent() {
        Api.Response created = api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la("706"), ALICE_BODY);
        assertEquals(201, created.status(), created.toString());
        Map<String, Object> record = created.json();
        assertEquals(ALICE, record.get("nhsNumber"));
        assertEquals("CPP", record.get("planType"));
        assertEquals("ACTIVE", record.get("status"));
        assertEquals("N1 1AA", record.get("postcode"));
        assertEquals("706", record.get("responsibleLa"));
        assertTrue(record.containsKey("deleteDate") && record.containsKey("visibleUntil") && record.containsKey("endDate"));
        assertNull(record.get("deleteDate"));

        Api.Response again = api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la("706"), ALICE_BODY);
        assertEquals(200, again.status(), again.toString());
        assertEquals(record, again.json());

        Api.Response ended = api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la("706"),
                ALICE_BODY.replace("\"startDate\": \"2024-01-10\"", "\"startDate\": \"2024-01-10\", \"endDate\": \"2024-06-30\""));
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("ENDED", ended.json().get("status"));
        assertEquals("2025-06-28", ended.json().get("visibleUntil"));
        assertEquals("2025-06-29", ended.json().get("deleteDate"));

        Api.Response read = api().get("/api/v1/plans/" + ALICE + "/CPP", Tokens.la("706"));
        assertEquals(200, read.status());
        assertEquals("2024-06-30", read.json().get("endDate"));
    }

    @Test
    void anotherLasRecordIsNotFound() {
        assertEquals(201, api().put("/api/v1/plans/" + BEN + "/LAC", Tokens.la("706"), """
                {"startDate": "2023-05-01", "familyName": "Jones", "givenNames": ["Ben"], "dateOfBirth": "2018-07-12",
                 "lacLegalStatus": "S31"}""").status());
        Api.Response other = api().get("/api/v1/plans/" + BEN + "/LAC", Tokens.la("707"));
        assertEquals(404, other.status());
        assertEquals("NOT_FOUND", other.json().get("code"));
        assertEquals("application/problem+json", other.header("Content-Type"));
        assertEquals(404, api().delete("/api/v1/plans/" + BEN + "/LAC", Tokens.la("707")).status());
        assertEquals(200, api().get("/api/v1/plans/" + BEN + "/LAC", Tokens.la("706")).status());
    }

    @Test
    void withdrawnRecordIsGoneAtOnce() {
        String body = """
                {"startDate": "2025-01-01", "familyName": "Davies", "givenNames": ["Maria"], "dateOfBirth": "1990-01-20"}""";
        assertEquals(201, api().put("/api/v1/plans/" + CARLA + "/UCPP", Tokens.la("707"), body).status());
        assertEquals(204, api().delete("/api/v1/plans/" + CARLA + "/UCPP", Tokens.la("707")).status());
        assertEquals(404, api().get("/api/v1/plans/" + CARLA + "/UCPP", Tokens.la("707")).status());
        assertEquals(404, api().delete("/api/v1/plans/" + CARLA + "/UCPP", Tokens.la("707")).status());
        assertEquals(201, api().put("/api/v1/plans/" + CARLA + "/UCPP", Tokens.la("707"), body).status(),
                "a new record may follow a withdrawn one");
    }

    @Test
    void listsOwnRecordsByStatusWithPaging() {
        String open = """
                {"startDate": "2024-02-01", "familyName": "Lee", "givenNames": ["Dan"], "dateOfBirth": "2017-05-05"}""";
        String ended = """
                {"startDate": "2024-02-01", "endDate": "%s", "familyName": "Lee", "givenNames": ["Dan"], "dateOfBirth": "2017-05-05"}"""
                .formatted(LocalDate.now().minusDays(3));
        String la = Tokens.la("708");
        registerLa("708", "Test Borough");
        assertEquals(201, api().put("/api/v1/plans/" + DAN + "/CPP", la, open).status());
        assertEquals(201, api().put("/api/v1/plans/" + DAN + "/UCPP", la, ended).status());

        List<Map<String, Object>> active = api().get("/api/v1/plans?status=ACTIVE", la).items();
        assertEquals(List.of("CPP"), active.stream().map(item -> item.get("planType")).toList());
        List<Map<String, Object>> endedItems = api().get("/api/v1/plans?status=ENDED", la).items();
        assertEquals(List.of("UCPP"), endedItems.stream().map(item -> item.get("planType")).toList());

        Api.Response first = api().get("/api/v1/plans?size=1", la);
        assertEquals(1, first.items().size());
        String next = (String) first.json().get("nextPage");
        assertNotNull(next);
        Api.Response second = api().get(next, la);
        assertEquals(1, second.items().size());
        assertNull(second.json().get("nextPage"));
        assertEquals(400, api().get("/api/v1/plans?status=WITHDRAWN", la).status());
        assertEquals(400, api().get("/api/v1/plans?size=0", la).status());
        assertEquals(400, api().get("/api/v1/plans?page=x", la).status());
    }

    @Test
    void anEmptyListStillHasItsShape() {
        registerLa("709", "Empty Borough");
        Api.Response empty = api().get("/api/v1/plans", Tokens.la("709"));
        assertEquals(200, empty.status());
        assertTrue(empty.json().containsKey("nextPage"), empty.body());
        assertNull(empty.json().get("nextPage"));
        assertEquals(List.of(), empty.items());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad NHS number|/api/v1/plans/9990001007/CPP|" + "{\"startDate\":\"2024-01-01\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|INVALID_NHS_NUMBER",
            "bad plan type|/api/v1/plans/9990001006/XYZ|" + "{\"startDate\":\"2024-01-01\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|INVALID_PLAN_TYPE",
            "impossible date|/api/v1/plans/9990001006/CPP|" + "{\"startDate\":\"2024-02-30\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|INVALID_DATE",
            "end before start|/api/v1/plans/9990001006/CPP|" + "{\"startDate\":\"2024-02-01\",\"endDate\":\"2024-01-01\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|END_BEFORE_START",
            "malformed JSON|/api/v1/plans/9990001006/CPP|{\"startDate\": \"2024-|MALFORMED_REQUEST",
            "missing names|/api/v1/plans/9990001006/CPP|" + "{\"startDate\":\"2024-01-01\",\"dateOfBirth\":\"2015-03-01\"}|MISSING_FIELD",
            "LAC without legal status|/api/v1/plans/9990001006/LAC|" + "{\"startDate\":\"2024-01-01\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|MISSING_FIELD",
            "legal status on CPP|/api/v1/plans/9990001006/CPP|" + "{\"startDate\":\"2024-01-01\",\"lacLegalStatus\":\"S20\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|INVALID_LEGAL_STATUS",
            "bad school URN|/api/v1/plans/9990001006/CPP|" + "{\"startDate\":\"2024-01-01\",\"schoolUrn\":\"12\",\"familyName\":\"Smith\",\"givenNames\":[\"Alice\"],\"dateOfBirth\":\"2015-03-01\"}|INVALID_SCHOOL_URN",
            "wrong JSON type|/api/v1/plans/9990001006/CPP|" + "{\"startDate\":\"2024-01-01\",\"familyName\":\"Smith\",\"givenNames\":\"Alice\",\"dateOfBirth\":\"2015-03-01\"}|MALFORMED_REQUEST",
    })
    void badInputIs400WithItsCode(String name, String path, String body, String code) {
        Api.Response response = api().put(path, Tokens.la("706"), body);
        assertEquals(400, response.status(), response.toString());
        assertEquals(code, response.json().get("code"), response.toString());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void fieldErrorsAreListed() {
        Api.Response response = api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la("706"),
                "{\"startDate\":\"nope\",\"dateOfBirth\":\"2015-13-01\",\"familyName\":\"Smith\",\"givenNames\":[\"A\"],\"postcode\":\"XXXX\"}");
        assertEquals(400, response.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.json().get("errors");
        assertEquals(List.of("startDate", "dateOfBirth", "postcode"), errors.stream().map(e -> e.get("field")).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "9990001081, CPR01, Smith, Alice, 2015-03-01",
            "9990001030, CPR02, Hidden, Sam, 2016-01-01",
            "9990001006, CPR03, Smyth, Alice, 2015-03-01",
            "9990001006, CPR03, Smith, Alice, 2015-03-02",
            "9990001049, CPR04, Oldstyle, Olga, 2012-02-02",
            "9990001057, CPR05, Super, Sid, 2014-04-04",
    })
    void pdsFailuresAre422WithTheirCode(String nhs, String code, String family, String given, String birth) {
        Api.Response response = api().put("/api/v1/plans/" + nhs + "/UCPP", Tokens.la("706"), """
                {"startDate": "2024-01-01", "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "%s"}"""
                .formatted(family, given, birth));
        assertEquals(422, response.status(), response.toString());
        assertEquals(code, response.json().get("code"));
        assertEquals(404, api().get("/api/v1/plans/" + nhs + "/UCPP", Tokens.la("706")).status(), "nothing stored");
    }

    @Test
    void unregisteredLocalAuthorityIs422() {
        Api.Response response = api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la("999"), ALICE_BODY);
        assertEquals(422, response.status());
        assertEquals("UNKNOWN_ORGANISATION", response.json().get("code"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "expired", "wrong key", "alg none", "no exp", "garbage"})
    void badTokensAre401OnEveryEndpoint(String kind) {
        String token = switch (kind) {
            case "none" -> null;
            case "expired" -> Tokens.expiredLa("706");
            case "wrong key" -> Tokens.wrongKeyLa("706");
            case "alg none" -> Tokens.unsignedLa("706");
            case "no exp" -> Tokens.noExpiryLa("706");
            default -> "not.a.jwt";
        };
        for (Api.Response response : List.of(
                api().put("/api/v1/plans/" + ALICE + "/CPP", token, ALICE_BODY),
                api().get("/api/v1/plans/" + ALICE + "/CPP", token),
                api().get("/api/v1/plans", token),
                api().delete("/api/v1/plans/" + ALICE + "/CPP", token))) {
            assertEquals(401, response.status(), kind + ": " + response);
            assertEquals("UNAUTHENTICATED", response.json().get("code"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ADMIN", "AUDITOR", "B0107", "B0170", "staff without activity"})
    void otherRolesAre403OnEveryEndpoint(String kind) {
        String token = switch (kind) {
            case "ADMIN" -> Tokens.admin();
            case "AUDITOR" -> Tokens.auditor();
            case "B0107", "B0170" -> Tokens.staff("RXX", kind);
            default -> Tokens.staff("RXX");
        };
        for (Api.Response response : List.of(
                api().put("/api/v1/plans/" + ALICE + "/CPP", token, ALICE_BODY),
                api().get("/api/v1/plans/" + ALICE + "/CPP", token),
                api().get("/api/v1/plans", token),
                api().delete("/api/v1/plans/" + ALICE + "/CPP", token))) {
            assertEquals(403, response.status(), kind + ": " + response);
            assertEquals("FORBIDDEN", response.json().get("code"));
        }
    }

    @Test
    void requestAndCorrelationIdsAreEchoed() {
        Api.Response sent = api().send("GET", "/api/v1/plans", Tokens.la("706"), null,
                Map.of("X-Request-ID", "req-123", "X-Correlation-ID", "corr-9"));
        assertEquals("req-123", sent.header("X-Request-ID"));
        assertEquals("corr-9", sent.header("X-Correlation-ID"));
        Api.Response generated = api().get("/api/v1/plans", null);
        assertTrue(generated.header("X-Request-ID").matches("[0-9a-f-]{36}"), generated.headers().toString());
    }

    @Test
    void everyChangeAndReadIsAuditedInAnIntactChain() {
        api().send("PUT", "/api/v1/plans/" + ALICE + "/LAC", Tokens.la("706"), """
                {"startDate": "2024-01-01", "familyName": "Smith", "givenNames": ["May"], "dateOfBirth": "2015-03-01",
                 "lacLegalStatus": "S20"}""", Map.of("Content-Type", "application/json", "X-Request-ID", "audit-put"));
        api().send("GET", "/api/v1/plans/" + ALICE + "/LAC", Tokens.la("706"), null, Map.of("X-Request-ID", "audit-get"));

        List<Map<String, Object>> entries = api().get("/api/v1/audit?nhsNumber=" + ALICE + "&size=500", Tokens.auditor()).items();
        Map<String, Object> put = entries.stream().filter(e -> "audit-put".equals(e.get("requestId"))).findFirst().orElseThrow();
        assertEquals("PLAN_RECORD:LAC", put.get("action"));
        assertEquals("CREATED", put.get("outcome"));
        assertEquals("706", put.get("organisation"));
        assertEquals("la-user-706", put.get("subject"));
        assertTrue(entries.stream().anyMatch(e -> "audit-get".equals(e.get("requestId")) && "FOUND".equals(e.get("outcome"))));

        Map<String, Object> verification = api().get("/api/v1/audit/verification", Tokens.auditor()).json();
        assertEquals(true, verification.get("valid"));
        assertTrue(((Number) verification.get("entries")).longValue() >= entries.size());
        assertEquals(403, api().get("/api/v1/audit", Tokens.la("706")).status());
        assertEquals(403, api().get("/api/v1/audit/verification", Tokens.admin()).status());
        assertEquals(401, api().get("/api/v1/audit", null).status());
        assertEquals(400, api().get("/api/v1/audit?from=yesterday", Tokens.auditor()).status());
    }
}
