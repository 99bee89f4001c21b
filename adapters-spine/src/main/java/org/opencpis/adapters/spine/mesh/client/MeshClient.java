package org.opencpis.adapters.spine.mesh.client;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.opencpis.adapters.spine.mesh.MeshAuthentication;

/**
 * A MESH v2 client for one mailbox (OpenCPIS's own): send (chunked when large), list the inbox,
 * download (all chunks, un-gzipped, spooled to a file), acknowledge, and track by local id.
 *
 * <p>Retries follow the MESH guidance: 425, 429, 502, 503 and 504, a timeout or a broken
 * connection are retried with back-off (honouring {@code Retry-After}); other 4xx are final. A
 * message is never blindly posted twice: before posting again after an outcome that leaves it
 * unknown whether the server took it, the client asks tracking for its local id. Such a local id
 * stays "in doubt" until a post of it is answered or tracking finds it, so that a later send of
 * the same message (the relay's next attempt, after this one gave up) also asks tracking first.
 */
public final class MeshClient {
    static final String V2 = "application/vnd.mesh.v2+json";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final List<Integer> RETRYABLE = List.of(425, 429, 502, 503, 504);
    private static final List<Integer> SURELY_NOT_TAKEN = List.of(425, 429, 503);

    private final Supplier<URI> base;
    private final MeshCredentials credentials;
    private final Clock clock;
    private final RetryPolicy retries;
    private final HttpClient http;
    /** Local ids of single-chunk messages that MESH may have taken without our knowing it. */
    private final Set<String> inDoubt = ConcurrentHashMap.newKeySet();

    public MeshClient(Supplier<URI> base, MeshCredentials credentials, Clock clock, RetryPolicy retries) {
        this.base = base;
        this.credentials = credentials;
        this.clock = clock;
        this.retries = retries;
        this.http = HttpClient.newBuilder().connectTimeout(retries.requestTimeout()).build();
    }

    /** The mailbox this client acts as. */
    public String mailbox() {
        return credentials.mailbox();
    }

    /**
     * Sends {@code body} to {@code to} under {@code workflowId}, identified by {@code localId}
     * (the idempotency key), in chunks of at most {@link RetryPolicy#chunkSize()} bytes.
     *
     * @return the MESH message id
     */
    public String send(String to, String workflowId, String localId, byte[] body) {
        int chunkSize = retries.chunkSize();
        int chunks = Math.max(1, (body.length + chunkSize - 1) / chunkSize);
        String messageId = postFirst(to, workflowId, localId, slice(body, 0, chunkSize), chunks);
        for (int chunk = 2; chunk <= chunks; chunk++) {
            byte[] part = slice(body, (chunk - 1) * chunkSize, chunkSize);
            String path = outbox() + "/" + messageId + "/" + chunk;
            int number = chunk;
            exchange(() -> request(path).header("mex-Chunk-Range", number + ":" + chunks)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(part)), true);
        }
        return messageId;
    }

    private String postFirst(String to, String workflowId, String localId, byte[] first, int chunks) {
        Supplier<HttpRequest.Builder> post = () -> request(outbox()).header("mex-To", to).header("mex-WorkflowID", workflowId)
                .header("mex-LocalID", localId).header("mex-FileName", localId + ".json")
                .header("mex-Chunk-Range", "1:" + chunks).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(first));
        if (chunks == 1 && inDoubt.contains(localId)) {
            String tracked = trackedMessageId(localId);
            if (tracked != null) {
                inDoubt.remove(localId);
                return tracked;
            }
        }
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(post);
            if (outcome.response() != null && outcome.response().statusCode() == 202) {
                inDoubt.remove(localId);
                return (String) json(outcome.response()).get("message_id");
            }
            if (outcome.response() != null && !RETRYABLE.contains(outcome.response().statusCode())) {
                throw rejected(outcome.response());
            }
            boolean maybeTaken = outcome.response() == null || !SURELY_NOT_TAKEN.contains(outcome.response().statusCode());
            if (maybeTaken && chunks == 1) {
                inDoubt.add(localId);
                String tracked = trackedMessageId(localId);
                if (tracked != null) {
                    inDoubt.remove(localId);
                    return tracked;
                }
            }
            if (attempt >= retries.attempts()) {
                throw new MeshUnavailable("MESH did not take the message after " + attempt + " attempts", outcome.failure());
            }
            retries.pause(attempt, outcome.retryAfter());
        }
    }

    /**
     * The message id MESH holds for this local id from this mailbox, or null when it has none.
     * Tracking by local id (deprecated in the spec, but the only lookup by local id) answers in the
     * v1 shape, {@code messageId}, even to a v2 client; {@code message_id} is read too, for a
     * server that answers in the v2 shape.
     */
    public String trackedMessageId(String localId) {
        HttpResponse<byte[]> response = exchange(() -> request(outbox() + "/tracking/"
                + URLEncoder.encode(localId, StandardCharsets.UTF_8)).GET(), false);
        if (response.statusCode() != 200) {
            return null;
        }
        Map<String, Object> tracking = json(response);
        Object id = tracking.get("message_id") != null ? tracking.get("message_id") : tracking.get("messageId");
        return id instanceof String messageId && !messageId.isBlank() ? messageId : null;
    }

    /** Every message id waiting in the inbox, following {@code links.next}. */
    @SuppressWarnings("unchecked")
    public List<String> inbox() {
        List<String> ids = new ArrayList<>();
        String path = "/messageexchange/" + mailbox() + "/inbox";
        while (path != null) {
            String page = path;
            Map<String, Object> body = json(exchange(() -> request(page).GET(), true));
            ids.addAll((List<String>) body.getOrDefault("messages", List.of()));
            Object links = body.get("links");
            path = links instanceof Map<?, ?> map && map.get("next") instanceof String next ? relative(next) : null;
        }
        return ids;
    }

    /** Downloads every chunk of the message into a temporary file, un-gzipping as needed. */
    public InboundMessage download(String messageId) {
        String path = "/messageexchange/" + mailbox() + "/inbox/" + messageId;
        HttpResponse<byte[]> first = exchange(() -> request(path).header("Accept-Encoding", "gzip").GET(), true);
        try {
            Path file = Files.createTempFile("mesh-", ".msg");
            append(file, first);
            int chunks = chunkCount(first);
            for (int chunk = 2; chunk <= chunks; chunk++) {
                String chunkPath = path + "/" + chunk;
                append(file, exchange(() -> request(chunkPath).header("Accept-Encoding", "gzip").GET(), true));
            }
            return new InboundMessage(messageId, header(first, "mex-From"), header(first, "mex-WorkflowID"),
                    header(first, "mex-LocalID"), header(first, "mex-MessageType"), file);
        } catch (IOException e) {
            throw new MeshUnavailable("could not keep the downloaded message", e);
        }
    }

    public void acknowledge(String messageId) {
        exchange(() -> request("/messageexchange/" + mailbox() + "/inbox/" + messageId + "/status/acknowledged")
                .PUT(HttpRequest.BodyPublishers.noBody()), true);
    }

    private String outbox() {
        return "/messageexchange/" + mailbox() + "/outbox";
    }

    private HttpRequest.Builder request(String path) {
        String authorization = MeshAuthentication.header(credentials.mailbox(), credentials.password(),
                credentials.sharedKey(), UUID.randomUUID().toString(), 0, clock.instant());
        return HttpRequest.newBuilder(base.get().resolve(path)).timeout(retries.requestTimeout())
                .header("Accept", V2).header("Authorization", authorization)
                .header("mex-ClientVersion", "OpenCPIS==0.1").header("mex-OSName", System.getProperty("os.name"))
                .header("mex-OSVersion", System.getProperty("os.version"));
    }

    /** Runs a request with retries; a final refusal (4xx other than 425/429) throws {@link MeshRejected}, except 404 when {@code strict} is false. */
    private HttpResponse<byte[]> exchange(Supplier<HttpRequest.Builder> request, boolean strict) {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(request);
            HttpResponse<byte[]> response = outcome.response();
            if (response != null && !RETRYABLE.contains(response.statusCode())) {
                if (response.statusCode() >= 400 && (strict || response.statusCode() != 404)) {
                    throw rejected(response);
                }
                return response;
            }
            if (attempt >= retries.attempts()) {
                throw new MeshUnavailable("MESH did not answer after " + attempt + " attempts", outcome.failure());
            }
            retries.pause(attempt, outcome.retryAfter());
        }
    }

    private Outcome attempt(Supplier<HttpRequest.Builder> request) {
        try {
            return new Outcome(http.send(request.get().build(), HttpResponse.BodyHandlers.ofByteArray()), null);
        } catch (IOException e) {
            return new Outcome(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeshUnavailable("interrupted while calling MESH", e);
        }
    }

    private static MeshRejected rejected(HttpResponse<byte[]> response) {
        return new MeshRejected(response.statusCode(), "MESH refused " + response.request().method() + " "
                + response.request().uri().getPath() + " with " + response.statusCode());
    }

    private static void append(Path file, HttpResponse<byte[]> response) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(header(response, "Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
                : new java.io.ByteArrayInputStream(response.body());
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            in.transferTo(out);
        }
    }

    private static int chunkCount(HttpResponse<byte[]> first) {
        String range = header(first, "Mex-Chunk-Range");
        if (first.statusCode() != 206 || range == null || !range.contains(":")) {
            return 1;
        }
        return Integer.parseInt(range.substring(range.indexOf(':') + 1).strip());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static Map<String, Object> json(HttpResponse<byte[]> response) {
        try {
            return JSON.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new MeshRejected(response.statusCode(), "MESH answered with a body that is not JSON");
        }
    }

    private String relative(String link) {
        URI uri = URI.create(link);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static byte[] slice(byte[] body, int from, int length) {
        return Arrays.copyOfRange(body, Math.min(from, body.length), Math.min(from + length, body.length));
    }

    private record Outcome(HttpResponse<byte[]> response, IOException failure) {
        Duration retryAfter() {
            if (response == null) {
                return null;
            }
            return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,5}"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
        }
    }
}
