package org.opencpis.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.bootstrap.security.Caller.OTHER_LA;
import static org.opencpis.bootstrap.security.Caller.OWN_LA;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;

/**
 * CONTRACT §3 as a table: every endpoint of §5 to §8 and §12, {@code /health} and the OpenAPI
 * description, called by every kind of caller, with the exact status and error body each must get.
 * Bad tokens are made for the principal the endpoint would otherwise admit (see {@link Caller}).
 * Another local authority gets 404 for the owner's records and uploads, sees none of the owner's
 * data in its own lists, and changes nothing of the owner's.
 */
class AuthorizationMatrixIT extends ApiTestBase {
    /** PDS fixture people: NHS number, family name, given name, date of birth. */
    private static final String[] ALICE = {"9990001006", "Smith", "Alice", "2015-03-01"};
    private static final String[] BEN = {"9990001014", "Jones", "Ben", "2018-07-12"};
    private static final String[] CARLA = {"9990001022", "Davies", "Carla", "1990-01-20"};
    private static final String[] DAN = {"9990001073", "Lee", "Dan", "2017-05-05"};
    private static final String TRUST_BODY = "{\"name\": \"Test Hospital NHS Trust\", \"type\": \"NHS_ORGANISATION\"}";
    private static final String BEN_LAC = planBody(BEN, "\"lacLegalStatus\": \"S31\", \"localId\": \"OWNER-CASE\"");
    private static final String COHORT_BODY = "{\"ownerOdsCode\": \"" + Caller.TRUST + "\", \"name\": \"Matrix cohort\", "
            + "\"localAuthorityOdsCodes\": [\"" + OWN_LA + "\"]}";

    private enum Dialect { PROBLEM, FHIR, OTHER }

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<String> ownNotifications = new ArrayList<>();
    private String ownUpload;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("opencpis.uploads.processing.interval", "200ms");
        properties.put("opencpis.uploads.processing.initial-delay", "200ms");
        return properties;
    }

    @BeforeAll
    void setUp() {
        registerLa(OWN_LA, "Matrix Borough " + OWN_LA);
        registerLa(OTHER_LA, "Matrix Borough " + OTHER_LA);
        assertEquals(201, api().put("/api/v1/organisations/" + Caller.TRUST, Tokens.admin(), TRUST_BODY).status());

        created(api().put(plan(ALICE, "CPP"), Tokens.la(OWN_LA), planBody(ALICE, "")));
        created(api().put(plan(BEN, "LAC"), Tokens.la(OWN_LA), BEN_LAC));
        created(api().put(plan(CARLA, "UCPP"), Tokens.la(OWN_LA), planBody(CARLA, "")));
        created(api().put(plan(DAN, "CPP"), Tokens.la(OWN_LA), planBody(DAN, "")));

        for (int i = 0; i < 2; i++) {
            Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(DAN[0]), Fhir.staff("setup-clinician", Caller.TRUST, "B0107")));
        }
        ownNotifications.addAll(api().get("/api/v1/notifications?size=10", Tokens.la(OWN_LA)).items().stream()
                .map(item -> (String) item.get("notificationId")).toList());
        assertEquals(2, ownNotifications.size(), "two unscheduled queries, two notifications for the owner");

        ownUpload = processedUpload(Tokens.la(OWN_LA), uploadFile(1));
        assertEquals(201, api().put("/api/v1/cohorts/matrix", Tokens.admin(), COHORT_BODY).status());
        defineEndpoints();
    }

    private void defineEndpoints() {
        String ownRecord = plan(ALICE, "CPP");
        endpoints.add(open("GET /health", "GET", "/health", (caller, response) ->
                assertEquals("UP", response.json().get("status"))));
        endpoints.add(open("GET /openapi/opencpis-0.1.yml", "GET", "/openapi/opencpis-0.1.yml", (caller, response) ->
                assertTrue(response.body().contains("/api/v1/plans/{nhsNumber}/{planType}"))));
        endpoints.add(open("GET /openapi-ui/index.html", "GET", "/openapi-ui/index.html", (caller, response) ->
                assertTrue(response.body().contains("<script src=\"/openapi-ui/start.js\">"))));

        endpoints.add(new Endpoint("PUT /api/v1/organisations/{odsCode}", "PUT", caller -> "/api/v1/organisations/" + Caller.TRUST,
                caller -> TRUST_BODY, Dialect.PROBLEM, Caller.ADMIN, Map.of(Caller.ADMIN, 200), null));
        endpoints.add(new Endpoint("GET /api/v1/organisations/{odsCode}", "GET", caller -> "/api/v1/organisations/" + OWN_LA,
                null, Dialect.PROBLEM, Caller.LA_OWN, everyValidCaller(200), (caller, response) -> {
                    assertEquals("Matrix Borough " + OWN_LA, response.json().get("name"));
                    assertFalse(response.json().containsKey("meshMailboxPassword"));
                }));

        endpoints.add(new Endpoint("PUT /api/v1/plans/{nhsNumber}/{planType}", "PUT", caller -> plan(BEN, "LAC"),
                caller -> BEN_LAC.replace("OWNER-CASE", caller == Caller.LA_OTHER ? "OTHER-CASE" : "OWNER-CASE"),
                Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 200, Caller.LA_OTHER, 201), (caller, response) -> {
                    assertEquals(caller == Caller.LA_OTHER ? OTHER_LA : OWN_LA, response.json().get("responsibleLa"),
                            "a PUT always addresses the caller's own record");
                    ownerStillHas(plan(BEN, "LAC"), "OWNER-CASE");
                }));
        endpoints.add(new Endpoint("GET /api/v1/plans/{nhsNumber}/{planType}", "GET", caller -> ownRecord, null,
                Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 200, Caller.LA_OTHER, 404), (caller, response) ->
                assertEquals(ALICE[0], response.json().get("nhsNumber"))));
        endpoints.add(new Endpoint("GET /api/v1/plans", "GET", caller -> "/api/v1/plans?size=500", null,
                Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 200, Caller.LA_OTHER, 200), (caller, response) -> {
                    String la = caller == Caller.LA_OTHER ? OTHER_LA : OWN_LA;
                    response.items().forEach(item -> assertEquals(la, item.get("responsibleLa"), "only the caller's records"));
                    if (caller == Caller.LA_OWN) {
                        assertTrue(response.items().size() >= 3, response.toString());
                    }
                }));
        endpoints.add(new Endpoint("DELETE /api/v1/plans/{nhsNumber}/{planType}", "DELETE",
                caller -> caller == Caller.LA_OWN ? plan(CARLA, "UCPP") : ownRecord, null,
                Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 204, Caller.LA_OTHER, 404), (caller, response) -> {
                    if (caller == Caller.LA_OWN) {
                        assertEquals(404, api().get(plan(CARLA, "UCPP"), Tokens.la(OWN_LA)).status(), "withdrawn at once");
                    }
                }));

        endpoints.add(new Endpoint("POST /api/v1/uploads", "POST", caller -> "/api/v1/uploads",
                caller -> uploadFile(caller == Caller.LA_OTHER ? 201 : 101), Dialect.PROBLEM, Caller.LA_OWN,
                Map.of(Caller.LA_OWN, 202, Caller.LA_OTHER, 202), (caller, response) ->
                assertTrue(response.header("Location").startsWith("/api/v1/uploads/"), response.toString())));
        endpoints.add(new Endpoint("GET /api/v1/uploads/{uploadId}", "GET", caller -> ownUpload, null,
                Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 200, Caller.LA_OTHER, 404), (caller, response) ->
                assertEquals(1, ((Number) response.json().get("sequenceNumber")).intValue())));

        endpoints.add(new Endpoint("GET /FHIR/R4/CareTeam", "GET", caller -> Fhir.careTeamSearch(DAN[0]), null,
                Dialect.FHIR, Caller.B0107, Map.of(Caller.B0107, 200, Caller.B0170, 200), (caller, response) -> {
                    org.hl7.fhir.r4.model.Bundle bundle = Fhir.searchset(response);
                    assertTrue(bundle.getTotal() >= 1, response.toString());
                    bundle.getEntry().forEach(entry -> assertEquals(DAN[0], ((org.hl7.fhir.r4.model.CareTeam) entry.getResource())
                            .getSubject().getIdentifier().getValue()));
                }));
        endpoints.add(new Endpoint("GET /FHIR/R4/AuditEvent", "GET", caller -> Fhir.auditEventSearch(DAN[0]), null,
                Dialect.FHIR, Caller.B0107, Map.of(Caller.B0107, 200, Caller.B0170, 200), (caller, response) ->
                assertTrue(Fhir.searchset(response).getTotal() >= 2)));

        endpoints.add(new Endpoint("GET /api/v1/notifications", "GET", caller -> "/api/v1/notifications?acknowledged=false&size=500",
                null, Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 200, Caller.LA_OTHER, 200), (caller, response) -> {
                    List<Object> ids = response.items().stream().map(item -> item.get("notificationId")).toList();
                    if (caller == Caller.LA_OTHER) {
                        ownNotifications.forEach(id -> assertFalse(ids.contains(id), "another LA's notification is not listed"));
                    } else {
                        assertTrue(ids.containsAll(ownNotifications), response.toString());
                    }
                }));
        endpoints.add(new Endpoint("POST /api/v1/notifications/acknowledgements", "POST",
                caller -> "/api/v1/notifications/acknowledgements",
                caller -> "{\"ids\": [\"" + ownNotifications.get(caller == Caller.LA_OTHER ? 1 : 0) + "\"]}",
                Dialect.PROBLEM, Caller.LA_OWN, Map.of(Caller.LA_OWN, 200, Caller.LA_OTHER, 200), (caller, response) -> {
                    if (caller == Caller.LA_OTHER) {
                        assertEquals(0, ((Number) response.json().get("acknowledged")).intValue(), "nothing of the owner's is acknowledged");
                        List<Object> ownerInbox = api().get("/api/v1/notifications?size=500", Tokens.la(OWN_LA)).items().stream()
                                .map(item -> item.get("notificationId")).toList();
                        assertTrue(ownerInbox.contains(ownNotifications.get(1)), "still unacknowledged for the owner");
                    } else {
                        assertEquals(1, ((Number) response.json().get("acknowledged")).intValue());
                    }
                }));

        endpoints.add(new Endpoint("PUT /api/v1/cohorts/{cohortId}", "PUT", caller -> "/api/v1/cohorts/matrix",
                caller -> COHORT_BODY, Dialect.PROBLEM, Caller.ADMIN, Map.of(Caller.ADMIN, 200), (caller, response) ->
                assertEquals(List.of(OWN_LA), response.json().get("localAuthorityOdsCodes"))));
        endpoints.add(new Endpoint("GET /api/v1/cohorts/{cohortId}/members", "GET", caller -> "/api/v1/cohorts/matrix/members",
                null, Dialect.PROBLEM, Caller.B0170, Map.of(Caller.B0170, 200), (caller, response) ->
                assertFalse(((List<?>) response.json().get("members")).isEmpty())));
        endpoints.add(new Endpoint("GET /api/v1/cohorts/{cohortId}/changes", "GET", caller -> "/api/v1/cohorts/matrix/changes",
                null, Dialect.PROBLEM, Caller.B0170, Map.of(Caller.B0170, 200), (caller, response) ->
                assertFalse(((List<?>) response.json().get("joined")).isEmpty())));

        endpoints.add(new Endpoint("GET /api/v1/audit", "GET", caller -> "/api/v1/audit?nhsNumber=" + DAN[0], null,
                Dialect.PROBLEM, Caller.AUDITOR, Map.of(Caller.AUDITOR, 200), (caller, response) ->
                assertFalse(response.items().isEmpty())));
        endpoints.add(new Endpoint("GET /api/v1/audit/verification", "GET", caller -> "/api/v1/audit/verification", null,
                Dialect.PROBLEM, Caller.AUDITOR, Map.of(Caller.AUDITOR, 200), (caller, response) ->
                assertEquals(true, response.json().get("valid"))));
    }

    Stream<Cell> cells() {
        return endpoints.stream().flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> new Cell(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyEndpointAnswersEveryCallerAsTheContractSays(Cell cell) {
        Endpoint endpoint = cell.endpoint();
        Caller caller = cell.caller();
        Api.Response response = send(endpoint, caller);
        int expected = cell.expectedStatus();

        assertEquals(expected, response.status(), cell + ": " + response);
        assertNotNull(response.header("X-Request-ID"), "every response has a request id");
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        if (expected >= 400) {
            assertErrorBody(endpoint.dialect(), expected, response);
        } else if (endpoint.check() != null) {
            endpoint.check().accept(caller, response);
        }
    }

    /** The table covers every route the service declares under /api and /FHIR (the MESH stub has its own authentication). */
    @Test
    void theTableCoversEveryDocumentedEndpoint() {
        String description = api().get("/openapi/opencpis-0.1.yml", null).body();
        Set<String> documented = new java.util.TreeSet<>();
        String path = null;
        for (String line : description.split("\n")) {
            if (line.matches("  /\\S+:\\s*")) {
                path = line.strip().replaceAll(":$", "");
            } else if (path != null && line.matches("    (get|put|post|delete|patch):\\s*")) {
                documented.add(line.strip().replace(":", "").toUpperCase() + " " + path);
            }
        }
        assertFalse(documented.isEmpty(), description);
        Set<String> covered = new java.util.TreeSet<>(endpoints.stream().map(Endpoint::name).toList());
        List<String> missing = documented.stream().filter(route -> !covered.contains(route))
                .filter(route -> !route.contains("/messageexchange")).toList();
        assertEquals(List.of(), missing, "documented endpoints missing from the matrix");
    }

    private void assertErrorBody(Dialect dialect, int status, Api.Response response) {
        switch (dialect) {
            case FHIR -> {
                String issueType = status == 401 ? "login" : "forbidden";
                Fhir.assertOutcome(response, status, "ACCESS_DENIED", issueType);
            }
            case PROBLEM -> {
                assertEquals("application/problem+json", response.header("Content-Type"), response.toString());
                Map<String, Object> problem = response.json();
                String code = switch (status) {
                    case 401 -> "UNAUTHENTICATED";
                    case 403 -> "FORBIDDEN";
                    case 404 -> "NOT_FOUND";
                    default -> throw new AssertionError("unexpected status " + status);
                };
                assertEquals(code, problem.get("code"), response.toString());
                assertEquals(status, ((Number) problem.get("status")).intValue());
                assertNotNull(problem.get("type"));
                assertNotNull(problem.get("title"));
                assertNotNull(problem.get("detail"));
            }
            default -> throw new AssertionError("no error expected here: " + response);
        }
        if (status == 401) {
            assertTrue(String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer"), response.headers().toString());
        }
    }

    private Api.Response send(Endpoint endpoint, Caller caller) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Request-ID", UUID.randomUUID().toString());
        String body = endpoint.body() == null ? null : endpoint.body().apply(caller);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return api().send(endpoint.method(), endpoint.path().apply(caller), caller.token(endpoint.principal()), body, headers);
    }

    private void ownerStillHas(String path, String localId) {
        Api.Response owner = api().get(path, Tokens.la(OWN_LA));
        assertEquals(200, owner.status(), owner.toString());
        assertEquals(localId, owner.json().get("localId"), "the owner's record is untouched");
    }

    private String processedUpload(String token, String file) {
        Api.Response accepted = api().post("/api/v1/uploads", token, file);
        assertEquals(202, accepted.status(), accepted.toString());
        String location = accepted.header("Location");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (api().get(location, token).status() == 202 && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertEquals(200, api().get(location, token).status(), "the setup upload was processed");
        return location;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String uploadFile(int sequenceNumber) {
        return "{\"sequenceNumber\": " + sequenceNumber + ", \"records\": [{\"nhsNumber\": \"" + DAN[0]
                + "\", \"planType\": \"UCPP\", \"startDate\": \"2024-01-10\", \"familyName\": \"" + DAN[1]
                + "\", \"givenNames\": [\"" + DAN[2] + "\"], \"dateOfBirth\": \"" + DAN[3] + "\"}]}";
    }

    private static Map<Caller, Integer> everyValidCaller(int status) {
        Map<Caller, Integer> all = new HashMap<>();
        EnumSet.allOf(Caller.class).stream().filter(Caller::hasValidToken).forEach(caller -> all.put(caller, status));
        return all;
    }

    private static Endpoint open(String name, String method, String path, BiConsumer<Caller, Api.Response> check) {
        Map<Caller, Integer> everyone = new HashMap<>();
        EnumSet.allOf(Caller.class).forEach(caller -> everyone.put(caller, 200));
        return new Endpoint(name, method, caller -> path, null, Dialect.OTHER, Caller.LA_OWN, everyone, check);
    }

    private static void created(Api.Response response) {
        assertEquals(201, response.status(), response.toString());
    }

    private static String plan(String[] person, String planType) {
        return "/api/v1/plans/" + person[0] + "/" + planType;
    }

    private static String planBody(String[] person, String extra) {
        return """
                {"startDate": "2024-01-10", "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "%s"%s}"""
                .formatted(person[1], person[2], person[3], extra.isEmpty() ? "" : ", " + extra);
    }

    /**
     * One endpoint: how to call it for a caller, which error dialect it speaks, whose token the bad
     * tokens imitate, which callers it admits with which status (everyone else with a valid token: 403,
     * a bad or missing token: 401), and what a success must contain.
     */
    record Endpoint(String name, String method, Function<Caller, String> path, Function<Caller, String> body,
                    Dialect dialect, Caller principal, Map<Caller, Integer> admitted,
                    BiConsumer<Caller, Api.Response> check) {
    }

    record Cell(Endpoint endpoint, Caller caller) {
        int expectedStatus() {
            Integer admitted = endpoint.admitted().get(caller);
            if (admitted != null) {
                return admitted;
            }
            return caller.hasValidToken() ? 403 : 401;
        }

        @Override
        public String toString() {
            return endpoint.name() + " as " + caller + " -> " + expectedStatus();
        }
    }
}
