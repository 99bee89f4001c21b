package org.opencpis.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;

/**
 * CONTRACT §4, "bad input never yields a 5xx, never a stack trace, and never a half-applied
 * change", tried the hard way: a seeded, reproducible storm of hostile requests with valid tokens
 * over raw sockets against every endpoint — random bytes, 1 MB fields, wrong media types, broken
 * UTF-8, path tricks, very long paths and headers, injection strings (SQL, JNDI and property
 * placeholders, script tags, CRLF) in the path, query, headers and JSON, deep nesting, odd
 * methods. Each answer must be below 500, free of stack traces, exception class names and the
 * token secret, in the API's error dialect; the stored counts may change only when the answer was
 * 2xx; and afterwards the service is healthy with an intact audit chain.
 *
 * <p>Reproduce a run with {@code -Dopencpis.storm.seed=N}; {@code -Dopencpis.storm.requests=N}
 * changes its length.
 */
class MalformedInputStormIT extends ApiTestBase {
    private static final long SEED = Long.getLong("opencpis.storm.seed", 20_251_125L);
    private static final int REQUESTS = Integer.getInteger("opencpis.storm.requests", 300);
    private static final int MEGABYTE = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static final String LA = "871";
    private static final String TRUST = "R1S";
    private static final String ALICE = "9990001006";
    private static final String NHS_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number%7C";
    private static final String[] COUNTED_TABLES = {"organisation", "protection_record", "access_event", "access_notification",
            "upload", "upload_content"};

    private static final String[] INJECTIONS = {
            "' OR '1'='1", "1; DROP TABLE protection_record; --", "\") OR 1=1 --", "9990001006' --",
            "${jndi:ldap://127.0.0.1:1389/a}", "${jndi:${lower:l}${lower:d}ap://127.0.0.1/a}", "${env:OPENCPIS_JWT_SECRET}",
            "${opencpis.jwt.secret}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "%s%s%s%n", "../../../../etc/passwd", "\u0000", "\r\nSet-Cookie: injected=1", "\u2603\uD83D\uDCA9\uFEFF", "\uD800",
            "\u202Eevil", "null", "[]", "{}", "-1", "99999999999999999999999999"};
    private static final String[] SEGMENT_TRICKS = {
            "..", "%2e%2e", "%2E%2E%2F%2E%2E", "..%2F..%2F..%2Fetc%2Fpasswd", "%252e%252e%252f", "a%2Fb", "a%5Cb", "..;", ";a=b",
            "%00", "%", "%zz", "%C3%28", "%ED%A0%80", "%FF%FE", "\u00e9", "a b", "//", "\\..\\", ".", "%u002e",
            "A".repeat(3_000), "B".repeat(20_000), ALICE + "%00", ALICE + "/../9990001014", "%0d%0aSet-Cookie:%20injected=1",
            "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fa%7D", "%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"};
    private static final String[] WHOLE_PATHS = {
            "/api/v1/plans/../organisations/" + LA, "/api/v1/./plans", "/api//v1///plans", "/API/V1/PLANS", "/api/v1/plans/",
            "/api/v1/plans;jsessionid=x", "/api/v1/plans%2F" + ALICE + "%2FCPP", "/FHIR/R4/CareTeam/../AuditEvent",
            "/FHIR/R4/%2e%2e/%2e%2e/api/v1/audit", "*", "http://evil.example/api/v1/plans", "/" + "x".repeat(10_000),
            "/openapi/../api/v1/audit", "/openapi-ui/..%2F..%2Fapi/v1/audit/verification", "/messageexchange/../api/v1/plans",
            "/health/../api/v1/audit", "/FHIR", "/FHIR/", "/FHIR/R4/", "/api", "/api/v1", "/%2e%2e/%2e%2e/etc/passwd"};
    private static final String[] CONTENT_TYPES = {
            "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png",
            "application/json; charset=latin-1", "application/json; charset=nonsense", "garbage", "", "*/*", "application/*",
            "application/fhir+json", "text/csv", "application/octet-stream", "application/json;;;", "application/json; boundary"};
    private static final String[] METHODS = {"PATCH", "OPTIONS", "TRACE", "HEAD", "FOO", "POST", "PUT", "DELETE", "GET"};
    private static final String[] LEAK_MARKERS = {
            "Exception", "\tat ", "java.lang", "java.io", "java.util", "org.opencpis.", "io.micronaut", "io.netty",
            "com.fasterxml", "org.postgresql", "SQLSTATE", "SQLState", "Caused by", "NullPointer", "stacktrace", "StackTrace"};

    private enum Mutation {
        VALID, RANDOM_BYTES, HUGE_FIELD, BROKEN_UTF8, WRONG_CONTENT_TYPE, JSON_INJECTION, JSON_STRUCTURE, CHUNKED_BODY,
        SEGMENT_TRICK, WHOLE_PATH, QUERY_INJECTION, HEADER_INJECTION, HUGE_HEADER, METHOD
    }

    private String jdbcUrl;
    private RawHttp http;
    private final List<Target> targets = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        jdbcUrl = properties.get("datasources.default.url");
        properties.put("opencpis.uploads.processing.initial-delay", "1h");
        properties.put("opencpis.mesh.inbound.enabled", "false");
        properties.put("opencpis.query.rate-limit.per-minute", "0");
        return properties;
    }

    @BeforeAll
    void setUp() {
        http = new RawHttp(server.getURI());
        registerLa(LA, "Storm Borough");
        assertEquals(201, api().put("/api/v1/organisations/" + TRUST, Tokens.admin(),
                "{\"name\": \"Storm Trust\", \"type\": \"NHS_ORGANISATION\"}").status());
        assertEquals(201, api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(LA), planBody("Smith", "Alice", "CASE-1",
                "N1 1AA")).status());
        Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(ALICE), Fhir.staff("storm-clinician", TRUST, "B0107")));
        String notificationId = (String) api().get("/api/v1/notifications", Tokens.la(LA)).items().get(0).get("notificationId");
        Api.Response upload = api().post("/api/v1/uploads", Tokens.la(LA), uploadBody(1, "Smith"));
        assertEquals(202, upload.status(), upload.toString());
        String uploadId = upload.header("Location").substring("/api/v1/uploads/".length());

        String la = Tokens.la(LA);
        String admin = Tokens.admin();
        String auditor = Tokens.auditor();
        String b0107 = Fhir.staff("storm-b0107", TRUST, "B0107");
        String b0170 = Fhir.staff("storm-b0170", TRUST, "B0170");
        targets.add(new Target("PUT /api/v1/organisations/{odsCode}", "PUT", "/api/v1/organisations/{0}", new String[] {LA}, "",
                admin, false, () -> orgBody("Storm Borough", "LA871MB", "storm-mailbox-pw")));
        targets.add(new Target("GET /api/v1/organisations/{odsCode}", "GET", "/api/v1/organisations/{0}", new String[] {LA}, "",
                la, false, null));
        targets.add(new Target("PUT /api/v1/plans/{nhsNumber}/{planType}", "PUT", "/api/v1/plans/{0}/{1}",
                new String[] {ALICE, "CPP"}, "", la, false, () -> planBody("Smith", "Alice", "CASE-1", "N1 1AA")));
        targets.add(new Target("GET /api/v1/plans/{nhsNumber}/{planType}", "GET", "/api/v1/plans/{0}/{1}",
                new String[] {ALICE, "CPP"}, "", la, false, null));
        targets.add(new Target("DELETE /api/v1/plans/{nhsNumber}/{planType}", "DELETE", "/api/v1/plans/{0}/{1}",
                new String[] {ALICE, "LAC"}, "", la, false, null));
        targets.add(new Target("GET /api/v1/plans", "GET", "/api/v1/plans", new String[0], "status=ACTIVE&page=0&size=10",
                la, false, null));
        targets.add(new Target("POST /api/v1/uploads", "POST", "/api/v1/uploads", new String[0], "", la, false,
                () -> uploadBody(1000 + Math.abs(UUID.randomUUID().hashCode() % 100_000), "Smith")));
        targets.add(new Target("GET /api/v1/uploads/{uploadId}", "GET", "/api/v1/uploads/{0}", new String[] {uploadId}, "",
                la, false, null));
        targets.add(new Target("GET /FHIR/R4/CareTeam", "GET", "/FHIR/R4/CareTeam", new String[0],
                "patient:identifier=" + NHS_SYSTEM + ALICE, b0107, true, null));
        targets.add(new Target("GET /FHIR/R4/AuditEvent", "GET", "/FHIR/R4/AuditEvent", new String[0],
                "patient:identifier=" + NHS_SYSTEM + ALICE, b0170, true, null));
        targets.add(new Target("GET /api/v1/notifications", "GET", "/api/v1/notifications", new String[0],
                "acknowledged=false&page=0&size=10", la, false, null));
        targets.add(new Target("POST /api/v1/notifications/acknowledgements", "POST", "/api/v1/notifications/acknowledgements",
                new String[0], "", la, false, () -> "{\"ids\": [\"" + notificationId + "\"]}"));
        targets.add(new Target("GET /api/v1/audit", "GET", "/api/v1/audit", new String[0],
                "nhsNumber=" + ALICE + "&from=2020-01-01&to=2099-01-01&size=5", auditor, false, null));
        targets.add(new Target("GET /api/v1/audit/verification", "GET", "/api/v1/audit/verification", new String[0], "",
                auditor, false, null));
        String cohort = "{\"ownerOdsCode\": \"" + TRUST + "\", \"name\": \"Storm cohort\", \"schoolUrns\": [\"100001\"], "
                + "\"postcodeDistricts\": [\"N1\"], \"localAuthorityOdsCodes\": [\"" + LA + "\"]}";
        assertEquals(201, api().put("/api/v1/cohorts/storm", admin, cohort).status());
        targets.add(new Target("PUT /api/v1/cohorts/{cohortId}", "PUT", "/api/v1/cohorts/{0}", new String[] {"storm"}, "",
                admin, false, () -> cohort));
        targets.add(new Target("GET /api/v1/cohorts/{cohortId}/members", "GET", "/api/v1/cohorts/{0}/members",
                new String[] {"storm"}, "", b0170, false, null));
        targets.add(new Target("GET /api/v1/cohorts/{cohortId}/changes", "GET", "/api/v1/cohorts/{0}/changes",
                new String[] {"storm"}, "since=0", b0170, false, null));
        targets.add(new Target("GET /health", "GET", "/health", new String[0], "", null, false, null));
        targets.add(new Target("GET /openapi/opencpis-0.1.yml", "GET", "/openapi/opencpis-0.1.yml", new String[0], "", null,
                false, null));
    }

    @Test
    void noHostileRequestCausesA5xxALeakOrAHalfWrittenChange() throws SQLException {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (int i = 0; i < REQUESTS; i++) {
                Target target = targets.get(random.nextInt(targets.size()));
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                RawHttp.Request request = build(target, mutation, random);
                String label = "#" + i + " " + mutation + " on " + target.name() + " (" + request.method() + " "
                        + RawHttp.abbreviated(request.target()) + ")";

                Map<String, Long> before = counts(db);
                RawHttp.Reply reply = http.exchange(request);
                Map<String, Long> after = counts(db);

                statuses.merge(reply.status() + "", 1, Integer::sum);
                problems(target, request, reply).forEach(problem -> failures.add(label + ": " + problem + " -> " + reply));
                if (reply.status() / 100 != 2 && !before.equals(after)) {
                    failures.add(label + ": answered " + reply.status() + " but the stored counts changed from " + before
                            + " to " + after);
                }
                if (i % 100 == 99) {
                    assertAuditChainIntact();
                }
            }
        }
        System.out.println("Malformed-input storm, seed " + SEED + ", " + REQUESTS + " requests, answers by status: " + statuses);
        assertTrue(failures.isEmpty(), "seed " + SEED + ", " + failures.size() + " of " + REQUESTS + " requests failed:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));

        Api.Response health = api().get("/health", null);
        assertEquals(200, health.status(), "still healthy after the storm: " + health);
        assertEquals("UP", health.json().get("status"));
        assertAuditChainIntact();
        assertEquals(200, api().get("/api/v1/organisations/" + LA, Tokens.la(LA)).status(), "still answering normally");
        assertTrue(statuses.keySet().stream().anyMatch(status -> status.startsWith("2")), "some requests succeeded: " + statuses);
        assertTrue(statuses.keySet().stream().anyMatch(status -> status.startsWith("4")), "most were refused: " + statuses);
    }

    /**
     * Found by the storm (seed 3): a query parameter that is not UTF-8 once percent-decoded made
     * every paged list answer 500 whenever it had a next page, because the link to that page
     * re-parsed the raw URI.
     */
    @Test
    void aQueryThatIsNotUtf8NeverBreaksTheLinkToTheNextPage() {
        String la = "872";
        registerLa(la, "Paging Borough");
        String ben = "{\"startDate\": \"2024-01-10\", \"familyName\": \"Jones\", \"givenNames\": [\"Ben\"], \"dateOfBirth\": \"2018-07-12\"";
        assertEquals(201, api().put("/api/v1/plans/9990001014/LAC", Tokens.la(la), ben + ", \"lacLegalStatus\": \"S31\"}").status());
        assertEquals(201, api().put("/api/v1/plans/9990001014/CPP", Tokens.la(la), ben + "}").status());
        for (int i = 0; i < 2; i++) {
            Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch("9990001014"), Fhir.staff("paging-clinician", TRUST, "B0107")));
        }
        Map<String, String> lists = Map.of("/api/v1/plans", Tokens.la(la), "/api/v1/notifications", Tokens.la(la),
                "/api/v1/audit", Tokens.auditor());
        lists.forEach((list, token) -> {
            for (String junk : List.of("x=%C3%28", "x=%FF%FE", "%C3%28=1", "x=%ED%A0%80")) {
                List<String[]> authorization = List.<String[]>of(new String[] {"Authorization", "Bearer " + token});
                RawHttp.Reply first = http.exchange(new RawHttp.Request("GET", list + "?size=1&" + junk, authorization, null, false));
                assertEquals(200, first.status(), list + "?" + junk + " -> " + first);
                String next = (String) parse(first.text()).get("nextPage");
                assertTrue(next != null && next.startsWith(list + "?") && next.endsWith("page=1&size=1"), String.valueOf(next));
                Api.Response second = api().get(next, token);
                assertEquals(200, second.status(), next + " -> " + second);
            }
        });
    }

    /**
     * Found by the storm (seed 16): PostgreSQL cannot store U+0000 in text, and three free-text
     * fields let it through to the database, which answered 500. The domain now refuses control
     * characters in them, as {@code Subject} does for names.
     */
    @ParameterizedTest(name = "U+0000 in {0}")
    @ValueSource(strings = {"organisation name", "meshMailboxPassword", "localId"})
    void aNulCharacterInAFreeTextFieldIsA400(String field) {
        String nul = "A\\u0000B";
        Api.Response response = switch (field) {
            case "organisation name" -> api().put("/api/v1/organisations/" + LA, Tokens.admin(), orgBody(nul, "LA871MB", "pw"));
            case "meshMailboxPassword" -> api().put("/api/v1/organisations/" + LA, Tokens.admin(), orgBody("Storm Borough", "LA871MB", nul));
            default -> api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(LA), planBody("Smith", "Alice", nul, "N1 1AA"));
        };
        assertEquals(400, response.status(), response.toString());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    /**
     * A path trick never reaches a protected endpoint without a token: whatever the path is
     * normalised to, the answer is 401 or 404, never data.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/openapi/../api/v1/audit", "/openapi/%2e%2e/api/v1/audit/verification",
            "/openapi-ui/..%2F..%2Fapi/v1/audit", "/openapi-assets/../../api/v1/plans", "/messageexchange/../api/v1/plans",
            "/messageexchange/%2e%2e/api/v1/notifications", "/health/../api/v1/audit", "/health/..;/api/v1/plans",
            "/openapi/..;/api/v1/plans", "/FHIR/R4/CareTeam/../../../api/v1/audit", "/api/v1/plans/..%2F..%2Faudit",
            "/openapi%2F..%2Fapi%2Fv1%2Faudit", "//api/v1/audit", "/./api/v1/audit", "/api/v1/audit/.", "/api/v1/AUDIT",
            "/api/v1/audit%20", "/api/v1/audit%00", "/api/v1/audit;x=1", "/api/v1/audit/verification/"})
    void aPathTrickNeverOpensAProtectedEndpoint(String path) {
        RawHttp.Reply reply = http.exchange(new RawHttp.Request("GET", path, List.of(), null, false));
        assertTrue(reply.status() >= 400 && reply.status() < 500, path + " -> " + reply);
        assertNotEquals(200, reply.status());
        List<String> problems = problems(null, new RawHttp.Request("GET", path, List.of(), null, false), reply);
        assertEquals(List.of(), problems, reply.toString());
    }

    private List<String> problems(Target target, RawHttp.Request request, RawHttp.Reply reply) {
        List<String> problems = new ArrayList<>();
        if (reply.status() == -1) {
            problems.add("no answer: the connection was closed");
            return problems;
        }
        if (reply.status() >= 500) {
            problems.add("a " + reply.status());
        }
        String text = reply.text();
        boolean staticContent = target != null && target.name().contains("/openapi") && reply.status() / 100 == 2;
        if (!staticContent) {
            for (String marker : LEAK_MARKERS) {
                if (text.contains(marker)) {
                    problems.add("the body contains '" + marker.strip() + "'");
                }
            }
        }
        if (text.contains(Tokens.SECRET)) {
            problems.add("the body contains the token secret");
        }
        if (reply.header("Set-Cookie") != null || reply.headers().keySet().stream().anyMatch(name -> name.contains("injected"))) {
            problems.add("a header was injected");
        }
        boolean mesh = request.target().startsWith("/messageexchange");
        if (reply.status() >= 400 && reply.body().length > 0 && !request.method().equals("HEAD")) {
            String type = String.valueOf(reply.header("Content-Type"));
            if (mesh) {
                Map<String, Object> body = parse(text);
                if (body == null || !body.containsKey("errorDescription")) {
                    problems.add("a MESH error that is not a MESH error document");
                }
            } else if (!type.startsWith("application/problem+json") && !type.startsWith("application/fhir+json")) {
                problems.add("an error body of type " + type + ", neither problem+json nor an OperationOutcome");
            } else {
                Map<String, Object> body = parse(text);
                if (body == null) {
                    problems.add("an error body that is not JSON");
                } else if (type.startsWith("application/fhir+json") && !"OperationOutcome".equals(body.get("resourceType"))) {
                    problems.add("a FHIR error that is not an OperationOutcome");
                } else if (type.startsWith("application/problem+json")
                        && (body.get("code") == null || !Integer.valueOf(reply.status()).equals(number(body.get("status"))))) {
                    problems.add("a problem without its code or status");
                }
            }
        }
        if (reply.header("X-Content-Type-Options") == null || reply.header("Content-Security-Policy") == null) {
            problems.add("no security headers");
        }
        if (reply.headers().getOrDefault("x-request-id", List.of()).size() != 1) {
            problems.add("not exactly one X-Request-ID");
        }
        return problems;
    }

    private RawHttp.Request build(Target target, Mutation mutation, Random random) {
        String[] params = target.params().clone();
        String query = target.query();
        String method = target.method();
        List<String[]> headers = new ArrayList<>();
        if (target.token() != null) {
            headers.add(new String[] {"Authorization", "Bearer " + target.token()});
        }
        if (target.fhir()) {
            headers.add(new String[] {"X-Request-ID", UUID.randomUUID().toString()});
            headers.add(new String[] {"IsUnscheduledAccessEvent", random.nextBoolean() ? "true" : "false"});
        }
        byte[] body = target.body() == null ? null : utf8(target.body().get());
        String contentType = body == null ? null : "application/json";
        boolean chunked = false;
        String path = null;

        switch (mutation) {
            case VALID -> {
            }
            case RANDOM_BYTES -> {
                body = new byte[random.nextInt(4096)];
                random.nextBytes(body);
                contentType = "application/json";
            }
            case HUGE_FIELD -> {
                String huge = pick(random, new String[] {"A", "\u00e9", "\u2603", "9", " "}).repeat(MEGABYTE);
                if (target.body() != null) {
                    body = utf8(target.body().get().replaceFirst("\"(Smith|Storm Borough|CASE-1|[0-9a-f-]{36})\"",
                            Matcher.quoteReplacement("\"" + huge + "\"")));
                } else {
                    query = query + (query.isEmpty() ? "" : "&") + "q=" + "A".repeat(random.nextBoolean() ? 3_000 : 60_000);
                }
            }
            case BROKEN_UTF8 -> {
                byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
                String template = target.body() != null ? target.body().get() : "{\"familyName\": \"Smith\"}";
                int cut = template.indexOf("Smith") >= 0 ? template.indexOf("Smith") + 2 : template.length() / 2;
                body = concat(utf8(template.substring(0, cut)), broken[random.nextInt(broken.length)], utf8(template.substring(cut)));
                contentType = random.nextBoolean() ? "application/json" : "application/json; charset=utf-8";
            }
            case WRONG_CONTENT_TYPE -> {
                if (body == null) {
                    body = utf8("{\"a\": 1}");
                }
                contentType = pick(random, CONTENT_TYPES);
            }
            case JSON_INJECTION -> {
                String injection = jsonEscaped(pick(random, INJECTIONS));
                body = utf8(target.body() != null
                        ? target.body().get().replaceFirst("\"(Smith|Alice|Storm Borough|CASE-1|N1 1AA|[0-9a-f-]{36}|LA871MB)\"",
                        Matcher.quoteReplacement("\"" + injection + "\""))
                        : "{\"ids\": [\"" + injection + "\"], \"familyName\": \"" + injection + "\"}");
                contentType = "application/json";
            }
            case JSON_STRUCTURE -> {
                body = structure(random, target);
                contentType = "application/json";
            }
            case CHUNKED_BODY -> {
                if (body == null) {
                    body = utf8("{\"ids\": []}");
                    contentType = "application/json";
                }
                chunked = true;
            }
            case SEGMENT_TRICK -> {
                if (params.length > 0) {
                    params[random.nextInt(params.length)] = pick(random, SEGMENT_TRICKS);
                } else {
                    path = target.pathTemplate() + "/" + pick(random, SEGMENT_TRICKS);
                }
            }
            case WHOLE_PATH -> path = pick(random, WHOLE_PATHS);
            case QUERY_INJECTION -> {
                String value = pick(random, new String[] {encoded(pick(random, INJECTIONS)), pick(random, SEGMENT_TRICKS),
                        "-1", "99999999999999999999", "1e3", "ACTIVE%00", "%", "%zz", "", "%C3%28"});
                String name = pick(random, new String[] {"status", "page", "size", "acknowledged", "nhsNumber", "from", "to",
                        "patient:identifier", "sequenceNumber", "%00", "a%5B%5D", encoded(pick(random, INJECTIONS))});
                query = random.nextBoolean() || query.isEmpty()
                        ? query + (query.isEmpty() ? "" : "&") + name + "=" + value
                        : query.replaceFirst("=[^&]*", Matcher.quoteReplacement("=" + value));
            }
            case HEADER_INJECTION -> {
                String value = headerSafe(pick(random, INJECTIONS));
                String name = pick(random, new String[] {"X-Request-ID", "X-Correlation-ID", "IsUnscheduledAccessEvent", "Accept",
                        "Accept-Language", "User-Agent", "Content-Type", "Accept-Encoding", "Forwarded", "X-Forwarded-For",
                        "X-Forwarded-Host", "Origin", "Range", "If-None-Match", "Expect"});
                if (name.equals("Expect")) {
                    value = "100-continue-" + value;
                }
                headers.removeIf(header -> header[0].equalsIgnoreCase(name));
                headers.add(new String[] {name, value});
            }
            case HUGE_HEADER -> {
                if (random.nextBoolean()) {
                    headers.add(new String[] {"X-Correlation-ID", "C".repeat(random.nextBoolean() ? 7_000 : 70_000)});
                } else {
                    for (int h = 0; h < 300; h++) {
                        headers.add(new String[] {"X-Filler-" + h, "v" + h});
                    }
                }
            }
            case METHOD -> method = pick(random, METHODS);
        }
        if (contentType != null && body != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        if (path == null) {
            path = target.pathTemplate();
            for (int p = 0; p < params.length; p++) {
                path = path.replace("{" + p + "}", params[p]);
            }
            if (!query.isEmpty()) {
                path = path + "?" + query;
            }
        }
        return new RawHttp.Request(method, path, headers, body, chunked);
    }

    private static byte[] structure(Random random, Target target) {
        String valid = target.body() != null ? target.body().get() : "{\"a\": 1}";
        int depth = random.nextBoolean() ? 5_000 : 100_000;
        return utf8(switch (random.nextInt(14)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            case 2 -> "{\"startDate\": 1e999999, \"familyName\": 12345678901234567890123456789012345678901234567890}";
            case 3 -> "{\"familyName\": " + "9".repeat(5_000) + "}";
            case 4 -> valid.replaceFirst("\\{", "{\"familyName\": \"Dup\", \"familyName\": \"Dup2\", ");
            case 5 -> "[" + valid + "]";
            case 6 -> pick(random, new String[] {"null", "true", "\"a string\"", "42", "-0", "\"\""});
            case 7 -> "";
            case 8 -> "   \n\t  ";
            case 9 -> "\uFEFF" + valid;
            case 10 -> valid + " trailing {garbage";
            case 11 -> "{\"givenNames\": [" + "\"a\",".repeat(50_000) + "\"a\"]}";
            case 12 -> {
                StringBuilder many = new StringBuilder("{");
                for (int k = 0; k < 60_000; k++) {
                    many.append("\"k").append(k).append("\": ").append(k).append(',');
                }
                yield many.append("\"end\": 0}").toString();
            }
            default -> valid.substring(0, valid.length() / 2);
        });
    }

    private Map<String, Long> counts(Connection db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = db.createStatement()) {
            for (String table : COUNTED_TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private void assertAuditChainIntact() {
        Api.Response verification = api().get("/api/v1/audit/verification", Tokens.auditor());
        assertEquals(200, verification.status(), verification.toString());
        assertEquals(true, verification.json().get("valid"), "the audit chain verifies");
    }

    private static Map<String, Object> parse(String text) {
        try {
            return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A header value cannot hold CR or LF; anything else (including bytes above 0x7F) is sent as is. */
    private static String headerSafe(String value) {
        return value.chars().mapToObj(c -> c == '\r' || c == '\n' ? " " : c > 0xFF ? "?" : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String planBody(String family, String given, String localId, String postcode) {
        return """
                {"startDate": "2024-01-10", "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "2015-03-01",
                 "localId": "%s", "schoolUrn": "100001", "postcode": "%s"}""".formatted(family, given, localId, postcode);
    }

    private static String orgBody(String name, String mailbox, String password) {
        return """
                {"name": "%s", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992", "officeHoursPhone": "020 7527 7400",
                 "meshMailboxId": "%s", "meshMailboxPassword": "%s"}""".formatted(name, mailbox, password);
    }

    private static String uploadBody(long sequenceNumber, String family) {
        return "{\"sequenceNumber\": " + sequenceNumber + ", \"records\": [{\"nhsNumber\": \"" + ALICE + "\", \"planType\": \"LAC\","
                + " \"startDate\": \"2024-01-10\", \"familyName\": \"" + family + "\", \"givenNames\": [\"Alice\"],"
                + " \"dateOfBirth\": \"2015-03-01\", \"lacLegalStatus\": \"S20\"}]}";
    }

    /** One endpoint as a well-formed request with a valid token: path parameters {0}, {1}, a query and a body. */
    private record Target(String name, String method, String pathTemplate, String[] params, String query, String token,
                          boolean fhir, Supplier<String> body) {
    }
}
