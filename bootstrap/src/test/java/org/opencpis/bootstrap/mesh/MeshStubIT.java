package org.opencpis.bootstrap.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Tokens;

/**
 * The whole service with its built-in MESH stub: registering a local authority over the REST API
 * provisions its MESH mailbox, which then works over HTTP with the NHSMESH scheme exactly as a MESH
 * client uses it — alongside JWT security, which leaves {@code /messageexchange} to the stub's
 * own authentication, and the REST error handling, which leaves the stub's MESH-shaped errors alone.
 */
class MeshStubIT extends ApiTestBase {
    private static final String SHARED_KEY = "TestKey";
    private static final String V2 = "application/vnd.mesh.v2+json";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // OpenCPIS's own inbox poller would otherwise collect messages sent to OPENCPIS during the test
        properties.put("opencpis.mesh.inbound.enabled", "false");
        return properties;
    }

    @BeforeAll
    void registerTwoLocalAuthorities() {
        registerLa("706", "London Borough of Islington");
        registerLa("707", "London Borough of Camden");
    }

    @Test
    void aRegisteredLocalAuthoritysMailboxHandshakes() {
        Response handshake = mesh("GET", "/messageexchange/LA706MB", "LA706MB", "secret-706",
                Map.of("mex-ClientVersion", "LA-system==2.1", "mex-OSName", "Linux", "mex-OSVersion", "6.1"), null);
        assertEquals(200, handshake.status(), handshake.toString());
    }

    @Test
    void oneLocalAuthoritySendsAndTheOtherReceivesAcknowledgesAndFindsItGone() {
        byte[] body = "{\"hello\": \"Camden\"}".getBytes(StandardCharsets.UTF_8);
        Response sent = mesh("POST", "/messageexchange/LA706MB/outbox", "LA706MB", "secret-706",
                Map.of("mex-To", "LA707MB", "mex-WorkflowID", "CPIS_ASN", "mex-LocalID", "e2e-1",
                        "Content-Type", "application/json"), body);
        assertEquals(202, sent.status(), sent.toString());
        String id = (String) sent.json().get("message_id");

        Response inbox = mesh("GET", "/messageexchange/LA707MB/inbox", "LA707MB", "secret-707", Map.of(), null);
        assertEquals(200, inbox.status(), inbox.toString());
        assertTrue(((List<?>) inbox.json().get("messages")).contains(id));

        Response download = mesh("GET", "/messageexchange/LA707MB/inbox/" + id, "LA707MB", "secret-707", Map.of(), null);
        assertEquals(200, download.status());
        assertEquals(new String(body, StandardCharsets.UTF_8), download.text());
        assertEquals("LA706MB", download.header("Mex-From"));
        assertEquals("CPIS_ASN", download.header("Mex-WorkflowID"));
        assertEquals("e2e-1", download.header("Mex-LocalID"));
        assertEquals("1:1", download.header("Mex-Chunk-Range"));

        assertEquals(200, mesh("PUT", "/messageexchange/LA707MB/inbox/" + id + "/status/acknowledged", "LA707MB", "secret-707",
                Map.of(), null).status());
        Response gone = mesh("GET", "/messageexchange/LA707MB/inbox/" + id, "LA707MB", "secret-707", Map.of(), null);
        assertEquals(410, gone.status());
        Map<String, Object> tracking = mesh("GET", "/messageexchange/LA706MB/outbox/tracking?messageID=" + id, "LA706MB",
                "secret-706", Map.of(), null).json();
        assertEquals("acknowledged", tracking.get("status"));
    }

    @Test
    void reRegisteringWithANewPasswordChangesTheMailboxPassword() {
        registerLa("708", "Royal Borough of Greenwich");
        assertEquals(200, mesh("GET", "/messageexchange/LA708MB/inbox", "LA708MB", "secret-708", Map.of(), null).status());
        Api.Response update = api().put("/api/v1/organisations/708", Tokens.admin(), """
                {"name": "Royal Borough of Greenwich", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 8854 8888",
                 "meshMailboxId": "LA708MB", "meshMailboxPassword": "a-new-password"}""");
        assertEquals(200, update.status(), update.toString());
        assertEquals(403, mesh("GET", "/messageexchange/LA708MB/inbox", "LA708MB", "secret-708", Map.of(), null).status());
        assertEquals(200, mesh("GET", "/messageexchange/LA708MB/inbox", "LA708MB", "a-new-password", Map.of(), null).status());
    }

    @Test
    void failuresAreMeshShapedNotProblemJsonAndNeedNoBearerToken() {
        Response wrongPassword = mesh("GET", "/messageexchange/LA706MB/inbox", "LA706MB", "not-it", Map.of(), null);
        assertEquals(403, wrongPassword.status());
        assertEquals(V2, wrongPassword.header("Content-Type"));
        assertEquals("Authentication failed", firstDetail(wrongPassword).get("msg"));

        Response noAuthorization = raw("GET", "/messageexchange/LA706MB/inbox", Map.of("Accept", V2), null);
        assertEquals(403, noAuthorization.status(), "the stub's own 403, not the JWT layer's 401: " + noAuthorization);
        assertEquals("Authentication failed", firstDetail(noAuthorization).get("msg"));

        Response otherMailbox = mesh("GET", "/messageexchange/LA707MB/inbox", "LA706MB", "secret-706", Map.of(), null);
        assertEquals(403, otherMailbox.status());

        Response missingTo = mesh("POST", "/messageexchange/LA706MB/outbox", "LA706MB", "secret-706",
                Map.of("mex-WorkflowID", "CPIS_ASN"), "x".getBytes());
        assertEquals(400, missingTo.status());
        assertEquals(List.of("header", "mex-to"), firstDetail(missingTo).get("loc"));

        Response unknownRecipient = mesh("POST", "/messageexchange/LA706MB/outbox", "LA706MB", "secret-706",
                Map.of("mex-To", "NOTREGISTERED", "mex-WorkflowID", "CPIS_ASN"), "x".getBytes());
        assertEquals(417, unknownRecipient.status());
        assertEquals("12", firstDetail(unknownRecipient).get("code"));

        Response unknownPath = mesh("GET", "/messageexchange/LA706MB/no/such/thing", "LA706MB", "secret-706", Map.of(), null);
        assertEquals(404, unknownPath.status());
        assertNotEquals("application/problem+json", unknownPath.header("Content-Type"));

        assertFalse(wrongPassword.text().contains("Exception"));
    }

    @Test
    void aChunkOverTheLimitIs413NotAServerError() {
        // over the stub's default 20MB chunk limit (and whatever micronaut.server.max-request-size allows)
        Response tooLarge = mesh("POST", "/messageexchange/LA706MB/outbox", "LA706MB", "secret-706",
                Map.of("mex-To", "LA707MB", "mex-WorkflowID", "CPIS_UPLOAD"), new byte[21 * 1024 * 1024]);
        assertEquals(413, tooLarge.status(), tooLarge.toString());
        assertEquals("SEND", firstDetail(tooLarge).get("event"));
    }

    @Test
    void openCpisOwnMailboxIsCreatedAtStartUp() {
        Response handshake = mesh("POST", "/messageexchange/OPENCPIS", "OPENCPIS", "password",
                Map.of("mex-ClientVersion", "test", "mex-OSName", "Linux", "mex-OSVersion", "6.1"), null);
        assertEquals(200, handshake.status(), handshake.toString());
        Response sent = mesh("POST", "/messageexchange/LA706MB/outbox", "LA706MB", "secret-706",
                Map.of("mex-To", "OPENCPIS", "mex-WorkflowID", "CPIS_UPLOAD"), "upload".getBytes());
        assertEquals(202, sent.status(), "local authorities can send to OpenCPIS");
    }

    @Test
    void theRestApiStillNeedsItsBearerToken() {
        Api.Response response = api().get("/api/v1/organisations/706", null);
        assertEquals(401, response.status());
        assertNull(api().get("/api/v1/organisations/706", Tokens.admin()).json().get("meshMailboxPassword"),
                "the mailbox password is write-only");
    }

    // --- a minimal MESH client: signs each request itself (javax.crypto), new nonce every time

    private Response mesh(String method, String path, String mailbox, String password, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", V2);
        all.put("Authorization", token(mailbox, password));
        all.putAll(headers);
        return raw(method, path, all, body);
    }

    private static String token(String mailbox, String password) {
        String nonce = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(Instant.now());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SHARED_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hash = HexFormat.of().formatHex(mac.doFinal(
                    (mailbox + ":" + nonce + ":0:" + password + ":" + timestamp).getBytes(StandardCharsets.UTF_8)));
            return "NHSMESH " + mailbox + ":" + nonce + ":0:" + timestamp + ":" + hash;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response raw(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDetail(Response response) {
        return ((List<Map<String, Object>>) response.json().get("detail")).get(0);
    }

    private record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Map<String, Object> json() {
            try {
                return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
