package org.opencpis.adapters.spine.pds.fhir;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A <strong>fake</strong> of the PDS FHIR API for tests, on a JDK {@link HttpServer} bound to
 * loopback: {@code GET /FHIR/R4/Patient/{nhsNumber}} answers the Patient put there, else 404
 * {@code RESOURCE_NOT_FOUND} as PDS does. Scripted answers ({@link #thenAnswer}) come first, one
 * per request; {@link #alwaysAnswer} overrides everything. Every request is recorded.
 */
final class FakePdsServer implements AutoCloseable {
    static final String BASE = "/FHIR/R4";

    record Request(String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Answer(int status, Map<String, String> headers, String body, Duration delay) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final Map<String, String> patients = new ConcurrentHashMap<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile Answer always;

    FakePdsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(BASE + "/Patient/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE);
    }

    FakePdsServer patient(String nhsNumber, String patientJson) {
        patients.put(nhsNumber, patientJson);
        return this;
    }

    /** The next request, before anything else, gets this answer. */
    synchronized FakePdsServer thenAnswer(Answer answer) {
        script.addLast(answer);
        return this;
    }

    FakePdsServer thenAnswer(int status) {
        return thenAnswer(Answer.of(status, ""));
    }

    /** Every request from now on gets this answer. */
    FakePdsServer alwaysAnswer(Answer answer) {
        always = answer;
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Answer answer;
            synchronized (this) {
                requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders())));
                answer = always != null ? always : script.pollFirst();
            }
            if (answer == null) {
                String number = path.substring(path.lastIndexOf('/') + 1);
                String patient = patients.get(number);
                answer = patient != null ? Answer.of(200, patient) : Answer.of(404, PdsJson.outcome("RESOURCE_NOT_FOUND"));
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            Headers headers = exchange.getResponseHeaders();
            headers.add("Content-Type", "application/fhir+json");
            answer.headers().forEach(headers::add);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
