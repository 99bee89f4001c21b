package org.opencpis.adapters.spine.mesh.stub;

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
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A plain MESH client for black-box tests, over java.net.http. It signs each request itself
 * (javax.crypto, not the production {@code MeshAuthentication}), so the tests check the server
 * against an independent reading of the spec. Every status comes back as a {@link Response}.
 */
final class TestMeshClient {
    static final String V2 = "application/vnd.mesh.v2+json";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private final URI base;
    private final String sharedKey;
    private final Supplier<Instant> now;
    private final HttpClient http = HttpClient.newHttpClient();

    TestMeshClient(URI base, String sharedKey, Supplier<Instant> now) {
        this.base = base;
        this.sharedKey = sharedKey;
        this.now = now;
    }

    /** A fresh token: a new nonce, count 0, the clock's current minute. */
    String token(String mailbox, String password) {
        return token(mailbox, password, UUID.randomUUID().toString(), 0, now.get());
    }

    String token(String mailbox, String password, String nonce, long count, Instant at) {
        return token(sharedKey, mailbox, password, nonce, count, at);
    }

    static String token(String key, String mailbox, String password, String nonce, long count, Instant at) {
        String timestamp = TIMESTAMP.format(at);
        String message = mailbox + ":" + nonce + ":" + count + ":" + password + ":" + timestamp;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hash = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            return "NHSMESH " + mailbox + ":" + nonce + ":" + count + ":" + timestamp + ":" + hash;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed request as {@code mailbox}; {@code headers} may override Accept and add any other. */
    Response call(String method, String path, String mailbox, String password, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", V2);
        all.put("Authorization", token(mailbox, password));
        all.putAll(headers);
        return raw(method, path, all, body);
    }

    Response get(String path, String mailbox, String password) {
        return call("GET", path, mailbox, password, Map.of(), null);
    }

    /** An unsigned request: the caller sets every header, Authorization included (or not). */
    Response raw(String method, String path, Map<String, String> headers, byte[] body) {
        return raw(method, path, headers,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A signed request whose body is streamed without a Content-Length (chunked transfer encoding). */
    Response streamed(String method, String path, String mailbox, String password, Map<String, String> headers,
                      Supplier<java.io.InputStream> body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", V2);
        all.put("Authorization", token(mailbox, password));
        all.putAll(headers);
        return raw(method, path, all, HttpRequest.BodyPublishers.ofInputStream(body));
    }

    private Response raw(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(java.time.Duration.ofSeconds(60))
                .method(method, body);
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
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

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
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

        @SuppressWarnings("unchecked")
        List<String> messages() {
            return (List<String>) json().get("messages");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> firstDetail() {
            return ((List<Map<String, Object>>) json().get("detail")).get(0);
        }

        @Override
        public String toString() {
            return status + " " + (body.length > 500 ? text().substring(0, 500) + "..." : text());
        }
    }
}
