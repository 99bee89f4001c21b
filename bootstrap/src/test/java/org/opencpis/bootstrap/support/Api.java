package org.opencpis.bootstrap.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for black-box tests: every status comes back as a {@link Response}, none as an exception. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    public Api(URI base) {
        this.base = base;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response put(String path, String token, String json) {
        return send("PUT", path, token, json, Map.of("Content-Type", "application/json"));
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, json, Map.of("Content-Type", "application/json"));
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
