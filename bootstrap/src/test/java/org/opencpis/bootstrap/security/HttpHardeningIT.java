package org.opencpis.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpis.adapters.rest.shared.SecurityHeaders;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;

/**
 * Browser-facing hardening on every kind of response (successes, the error dialects, static
 * content, answers Micronaut gives before any filter), and the request size limit of the JSON API:
 * its bodies are read into memory, so {@code micronaut.server.max-request-buffer-size} bounds them
 * (the larger {@code max-request-size} is for streamed uploads and the MESH stub). A body over it
 * is a 413 problem, whether its length is declared or it is streamed in chunks, and nothing is
 * stored.
 */
class HttpHardeningIT extends ApiTestBase {
    private static final String LA = "893";
    private static final String ALICE = "9990001006";

    @Inject
    HttpServerConfiguration serverConfiguration;

    private RawHttp http;

    @BeforeAll
    void setUp() {
        http = new RawHttp(server.getURI());
        registerLa(LA, "Hardening Borough");
        assertEquals(201, api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(LA), """
                {"startDate": "2024-01-10", "familyName": "Smith", "givenNames": ["Alice"], "dateOfBirth": "2015-03-01"}""")
                .status());
    }

    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', value = {
            "GET|/api/v1/plans/" + ALICE + "/CPP|LA|200",
            "GET|/api/v1/plans|LA|200",
            "GET|/api/v1/plans/" + ALICE + "/CPP|none|401",
            "GET|/api/v1/plans/" + ALICE + "/CPP|ADMIN|403",
            "GET|/api/v1/plans/9990001014/CPP|LA|404",
            "GET|/api/v1/plans?page=x|LA|400",
            "PATCH|/api/v1/plans|LA|405",
            "GET|/api/v1/nothing-here|LA|404",
            "GET|/api/v1/organisations/" + LA + "|B0170|200",
            "GET|/api/v1/audit/verification|AUDITOR|200",
            "GET|/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + ALICE + "|B0107|200",
            "GET|/FHIR/R4/AuditEvent?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + ALICE + "|B0170|200",
            "GET|/FHIR/R4/CareTeam?patient:identifier=x|B0107|400",
            "GET|/FHIR/R4/CareTeam?patient:identifier=x|none|401",
            "GET|/FHIR/R4/Patient|B0107|404",
            "GET|/health|none|200",
    })
    void everyApiResponseIsUncacheableUnsniffableUnframeableAndScriptFree(String method, String path, String who, int status) {
        Api.Response response = api().send(method, path, token(who), null, Map.of("X-Request-ID", UUID.randomUUID().toString()));
        assertEquals(status, response.status(), response.toString());
        assertHardened(response, SecurityHeaders.STRICT_POLICY);
        assertEquals("no-store", response.header("Cache-Control"), "child data is never cached");
        if (status == 401) {
            assertEquals("Bearer realm=\"OpenCPIS\"", response.header("WWW-Authenticate"));
        } else {
            assertNull(response.header("WWW-Authenticate"));
        }
    }

    @Test
    void theApiDescriptionAndItsBrowserAreHardenedButCacheable() {
        Api.Response description = api().get("/openapi/opencpis-0.1.yml", null);
        assertEquals(200, description.status());
        assertHardened(description, SecurityHeaders.STRICT_POLICY);
        assertFalse("no-store".equals(description.header("Cache-Control")), "no data: may be cached");

        Api.Response page = api().get("/openapi-ui/index.html", null);
        assertEquals(200, page.status());
        assertHardened(page, SecurityHeaders.UI_POLICY);
        assertTrue(page.body().contains("<script src=\"/openapi-assets/"), "its scripts are its own, from this origin");
        assertEquals(page.body().split("<script", -1).length - 1, page.body().split("<script src=\"/", -1).length - 1,
                "no inline script: every script is a file from this origin");
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'none'")
                && policy.contains("object-src 'none'") && !policy.contains("*"), policy);
        assertFalse(policy.contains("script-src 'self' 'unsafe-inline'") || policy.contains("unsafe-eval"),
                "scripts from this origin only: " + policy);

        Api.Response start = api().get("/openapi-ui/start.js", null);
        assertEquals(200, start.status(), start.toString());
        assertTrue(start.header("Content-Type").contains("javascript"), start.header("Content-Type"));
        assertTrue(start.body().contains("SwaggerUIBundle(") && start.body().contains("/openapi/opencpis-0.1.yml"), start.body());

        Api.Response asset = api().get("/openapi-assets/swagger-ui-bundle.js", null);
        assertEquals(200, asset.status());
        assertHardened(asset, SecurityHeaders.STRICT_POLICY);
    }

    @Test
    void answersMicronautGivesBeforeAnyFilterAreHardenedToo() {
        RawHttp.Reply longLine = http.exchange(new RawHttp.Request("GET", "/api/v1/plans?q=" + "a".repeat(10_000), List.of(), null, false));
        RawHttp.Reply badLine = http.exchange(new RawHttp.Request("GET", "/api/v1/pl ans", List.of(), null, false));
        RawHttp.Reply hugeHeader = http.exchange(new RawHttp.Request("GET", "/api/v1/plans",
                List.<String[]>of(new String[] {"X-Correlation-ID", "c".repeat(20_000)}), null, false));
        for (RawHttp.Reply reply : List.of(longLine, badLine, hugeHeader)) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
            assertEquals("application/problem+json", reply.header("Content-Type"), reply.toString());
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.toString());
            assertEquals("DENY", reply.header("X-Frame-Options"));
            assertEquals(SecurityHeaders.STRICT_POLICY, reply.header("Content-Security-Policy"));
            assertEquals("no-store", reply.header("Cache-Control"));
            assertNotNull(reply.header("X-Request-ID"), "a request id even then");
        }
    }

    @ParameterizedTest(name = "{0} {1}, {2} body")
    @CsvSource({
            "PUT, /api/v1/plans/" + ALICE + "/CPP, declared",
            "PUT, /api/v1/plans/" + ALICE + "/CPP, chunked",
            "PUT, /api/v1/organisations/" + LA + ", declared",
            "POST, /api/v1/notifications/acknowledgements, chunked",
            "POST, /api/v1/notifications/acknowledgements, declared",
    })
    void aBodyOverTheLimitIs413InTheApisDialectAndStoresNothing(String method, String path, String framing) {
        long limit = serverConfiguration.getMaxRequestBufferSize();
        assertTrue(limit <= serverConfiguration.getMaxRequestSize(), "JSON bodies are buffered, so the buffer limit applies");
        byte[] body = new byte[(int) limit + 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] start = ("{\"startDate\": \"2025-01-01\", \"familyName\": \"Smith\", \"givenNames\": [\"Alice\"], "
                + "\"dateOfBirth\": \"2015-03-01\", \"name\": \"x\", \"ids\": [], \"records\": [], \"sequenceNumber\": 9}")
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        String who = path.contains("organisations") ? "ADMIN" : "LA";

        RawHttp.Request request = new RawHttp.Request(method, path, List.<String[]>of(
                new String[] {"Authorization", "Bearer " + token(who)}, new String[] {"Content-Type", "application/json"},
                new String[] {"X-Request-ID", UUID.randomUUID().toString()}), body, framing.equals("chunked"));
        RawHttp.Reply reply = http.exchange(request);

        assertEquals(413, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.header("Content-Type"), reply.toString());
        assertTrue(reply.text().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), reply.toString());
        Api.Response stored = api().get("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(LA));
        assertEquals("2024-01-10", stored.json().get("startDate"), "nothing was changed");
        assertEquals(200, api().get("/health", null).status());
    }

    private static void assertHardened(Api.Response response, String policy) {
        assertEquals("nosniff", response.header("X-Content-Type-Options"), response.headers().toString());
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals(policy, response.header("Content-Security-Policy"));
        assertEquals(1, response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Request-ID"))
                .mapToInt(e -> e.getValue().size()).sum(), "one request id");
    }

    private static String token(String who) {
        return switch (who) {
            case "LA" -> Tokens.la(LA);
            case "ADMIN" -> Tokens.admin();
            case "AUDITOR" -> Tokens.auditor();
            case "B0107" -> Fhir.staff("hardening-b0107", "R1H", "B0107");
            case "B0170" -> Fhir.staff("hardening-b0170", "R1H", "B0170");
            default -> null;
        };
    }
}
