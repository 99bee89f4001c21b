package org.opencpis.bootstrap.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A MESH server in trouble, for fault-injection tests: a local HTTP server (JDK {@link HttpServer})
 * standing where {@code opencpis.mesh.url} points. It follows a script, one mode per request in
 * the order they arrive, then forwards everything: {@link Mode#UNAVAILABLE} answers 503,
 * {@link Mode#SLOW} forwards the request to a real MESH (OpenCPIS's MESH stub) only after a delay
 * longer than the client's timeout (so MESH acts on it, but the client has stopped listening), and
 * {@link Mode#FORWARD} forwards at once. Every request is logged with its mode and time, without
 * bodies or credentials.
 */
public final class FakeMeshServer implements AutoCloseable {
    public enum Mode { UNAVAILABLE, SLOW, FORWARD }

    /** A request the fake received: when, in which mode, and the method and path (no query, body or headers). */
    public record Seen(Instant at, Mode mode, String method, String path) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final URI target;
    private final Duration slowness;
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Mode> script;
    private final List<Seen> seen = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();

    private FakeMeshServer(URI target, Duration slowness, List<Mode> script) throws IOException {
        this.target = target;
        this.script = script;
        this.slowness = slowness;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the fake: the n-th request is handled in the n-th mode of {@code script}, and any after them forwarded. */
    public static FakeMeshServer start(URI target, Duration slowness, Mode... script) {
        try {
            return new FakeMeshServer(target, slowness, List.of(script));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    /** What MESH answered to each forwarded request: method, path and status. */
    public List<String> answers() {
        synchronized (answers) {
            return new ArrayList<>(answers);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Mode now;
        synchronized (seen) {
            now = seen.size() < script.size() ? script.get(seen.size()) : Mode.FORWARD;
            seen.add(new Seen(Instant.now(), now, exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
        }
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (now == Mode.UNAVAILABLE) {
                byte[] answer = "{\"detail\": [{\"event\": \"\", \"code\": \"\", \"msg\": \"down for maintenance\"}]}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            if (now == Mode.SLOW) {
                Thread.sleep(slowness.toMillis());
            }
            forward(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(exchange.getRequestMethod(), body.length == 0 && !exchange.getRequestMethod().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        synchronized (answers) {
            answers.add(exchange.getRequestMethod() + " " + uri.getPath() + " -> " + response.statusCode());
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
