package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.shared.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A STUB of the national MESH service: serves the MESH API (v1 and v2 JSON) under
 * {@code /messageexchange} from OpenCPIS's own database, so that a real MESH client works
 * against it unchanged. See the package documentation for what it does and where it chose.
 * Every request is authenticated by its {@code NHSMESH} token (403 otherwise) before anything
 * else is looked at, and no request body is read before the headers have been checked.
 */
@Controller(value = "/messageexchange", produces = MediaType.ALL, consumes = MediaType.ALL)
@RequiresMeshStub
@ExecuteOn(TaskExecutors.BLOCKING)
public final class MeshStubServer {
    private static final Logger LOG = LoggerFactory.getLogger(MeshStubServer.class);
    private static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Z0-9_\\-]{1,100}");
    private static final String PAGE_TOKEN_PREFIX = "mesh-stub-inbox-after:";
    private static final int MIN_RESULTS = 10;
    private static final int MAX_RESULTS = 5000;

    private final MeshStubAuthenticator authenticator;
    private final MeshStubStore store;
    private final MeshStubSettings settings;
    private final MeshStubResponses responses;
    private final Transactions transactions;
    private final Clock clock;
    private final long chunkLimit;

    MeshStubServer(MeshStubAuthenticator authenticator, MeshStubStore store, MeshStubSettings settings,
                   MeshStubResponses responses, Transactions transactions, Clock clock, HttpServerConfiguration server) {
        this.authenticator = authenticator;
        this.store = store;
        this.settings = settings;
        this.responses = responses;
        this.transactions = transactions;
        this.clock = clock;
        long serverLimit = server.getMaxRequestSize();
        this.chunkLimit = serverLimit > 0 ? Math.min(settings.maxChunkSize(), serverLimit) : settings.maxChunkSize();
    }

    // --- handshake

    @Get("/{mailbox}")
    public HttpResponse<?> handshake(@PathVariable String mailbox, HttpRequest<?> request) {
        return validateMailbox(mailbox, request);
    }

    @Post("/{mailbox}")
    public HttpResponse<?> handshakeByPost(@PathVariable String mailbox, HttpRequest<?> request) {
        return validateMailbox(mailbox, request);
    }

    private HttpResponse<?> validateMailbox(String mailbox, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String authenticated = authenticate(mailbox, request);
        for (String required : List.of("mex-ClientVersion", "mex-OSName", "mex-OSVersion")) {
            if (SendHeaders.optional(request.getHeaders(), required, 500) == null) {
                throw MeshStubFailure.missing("header", required.toLowerCase(Locale.ROOT));
            }
        }
        return version == ApiVersion.V2 ? HttpResponse.ok()
                : responses.json(HttpStatus.OK, version, Map.of("mailboxId", authenticated));
    }

    // --- inbox

    @Get("/{mailbox}/inbox")
    public HttpResponse<?> inbox(@PathVariable String mailbox, @Nullable @QueryValue("max_results") String maxResults,
                                 @Nullable @QueryValue("continue_from") String continueFrom,
                                 @Nullable @QueryValue("workflow_filter") String workflowFilter, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String owner = authenticate(mailbox, request);
        int limit = maxResults == null ? settings.inboxPageSize() : maxResults(maxResults);
        WorkflowFilter filter = workflowFilter == null ? null : WorkflowFilter.parse(workflowFilter);
        if (continueFrom != null && (continueFrom.length() < 24 || continueFrom.length() > 1000)) {
            throw MeshStubFailure.invalid("query", "continue_from", "continue_from is 24 to 1000 characters",
                    "value_error.continue_from");
        }
        Page page = transactions.inTransaction(() -> {
            long after = continueFrom == null ? 0 : position(owner, continueFrom, version);
            List<MeshStubStore.InboxEntry> entries = store.inbox(owner, after, filter, limit + 1);
            long count = version == ApiVersion.V2 ? store.inboxCount(owner) : 0;
            return new Page(entries, count);
        });
        List<MeshStubStore.InboxEntry> entries = page.entries().size() > limit ? page.entries().subList(0, limit) : page.entries();
        List<String> ids = entries.stream().map(MeshStubStore.InboxEntry::messageId).toList();
        if (version == ApiVersion.V1) {
            return responses.json(HttpStatus.OK, version, Map.of("messages", ids));
        }
        Map<String, String> links = new LinkedHashMap<>();
        String query = (maxResults == null ? "" : "&max_results=" + limit)
                + (workflowFilter == null ? "" : "&workflow_filter=" + encode(workflowFilter));
        links.put("self", inboxLink(owner, query));
        if (page.entries().size() > limit) {
            String token = Base64.getUrlEncoder().encodeToString(
                    (PAGE_TOKEN_PREFIX + entries.get(entries.size() - 1).position()).getBytes(StandardCharsets.US_ASCII));
            links.put("next", inboxLink(owner, query + "&continue_from=" + encode(token)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", ids);
        body.put("links", links);
        body.put("approx_inbox_count", page.count());
        return responses.json(HttpStatus.OK, version, body);
    }

    /** Deprecated in the spec, kept for older clients. */
    @Get("/{mailbox}/count")
    public HttpResponse<?> count(@PathVariable String mailbox, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String owner = authenticate(mailbox, request);
        long count = transactions.inTransaction(() -> store.inboxCount(owner));
        if (version == ApiVersion.V2) {
            return responses.json(HttpStatus.OK, version, Map.of("count", count));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("internalID", UUID.randomUUID().toString());
        body.put("allResultsIncluded", true);
        return responses.json(HttpStatus.OK, version, body);
    }

    // --- download and acknowledge

    /** Also answers HEAD (Micronaut routes HEAD to the GET route): the same headers, no body read. */
    @Get("/{mailbox}/inbox/{messageId}")
    public HttpResponse<?> download(@PathVariable String mailbox, @PathVariable String messageId, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        return serve(authenticate(mailbox, request), messageId, 1, request, version, request.getMethod() == HttpMethod.HEAD);
    }

    @Get("/{mailbox}/inbox/{messageId}/{chunkNumber}")
    public HttpResponse<?> downloadChunk(@PathVariable String mailbox, @PathVariable String messageId,
                                         @PathVariable String chunkNumber, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String owner = authenticate(mailbox, request);
        return serve(owner, messageId, chunkNumber(chunkNumber), request, version, false);
    }

    private HttpResponse<?> serve(String owner, String messageId, int chunkNumber, HttpRequest<?> request,
                                  ApiVersion version, boolean head) {
        String id = messageId(messageId);
        Download download = transactions.inTransaction(() -> {
            StubMessage message = store.find(id).filter(found -> found.inbox().equals(owner))
                    .orElseThrow(() -> MeshStubFailure.notFound(id));
            switch (message.status()) {
                case UPLOADING -> throw MeshStubFailure.notFound(id);
                case ACKNOWLEDGED, EXPIRED -> throw MeshStubFailure.gone(id);
                default -> { }
            }
            if (message.type() == StubMessage.MessageType.REPORT || head) {
                return new Download(message, null);
            }
            if (chunkNumber > message.totalChunks()) {
                throw MeshStubFailure.notFound(id);
            }
            return new Download(message, store.chunk(id, chunkNumber).orElseThrow(() -> MeshStubFailure.gone(id)));
        });
        StubMessage message = download.message();
        Map<String, String> headers = responses.downloadHeaders(message, chunkNumber);
        if (download.chunk() == null) {
            MutableHttpResponse<?> response = HttpResponse.ok();
            headers.forEach(response::header);
            if (!head) {
                response.contentType(OCTET_STREAM).contentLength(0);
            }
            return response;
        }
        HttpStatus status = chunkNumber < message.totalChunks() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK;
        InputStream body = new StoredChunkInputStream(transactions, store, download.chunk());
        long length = download.chunk().size();
        boolean clientTakesGzip = acceptsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
        String encoding = null;
        try {
            if (message.gzip() && clientTakesGzip) {
                encoding = "gzip";
            } else if (message.gzip()) {
                body = new GZIPInputStream(body, 64 * 1024);
                length = -1;
            } else if (clientTakesGzip && version == ApiVersion.V2) {
                body = new GzipCompressingInputStream(body);
                encoding = "gzip";
                length = -1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MutableHttpResponse<Object> response = HttpResponse.status(status).contentType(OCTET_STREAM);
        headers.forEach(response::header);
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        response.header(HttpHeaders.EXPIRES, "0");
        if (encoding != null) {
            response.header(HttpHeaders.CONTENT_ENCODING, encoding);
            response.header("Mex-Content-Compressed", "Y");
        }
        // a known length goes out as Content-Length; an unknown one (gzip added or removed) chunked
        return response.body(length >= 0
                ? new StreamedFile(body, MediaType.APPLICATION_OCTET_STREAM_TYPE, message.deliveredAt().toEpochMilli(), length)
                : body);
    }

    @Put("/{mailbox}/inbox/{messageId}/status/acknowledged")
    public HttpResponse<?> acknowledge(@PathVariable String mailbox, @PathVariable String messageId, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String owner = authenticate(mailbox, request);
        String id = messageId(messageId);
        Instant now = clock.instant();
        transactions.run(() -> {
            StubMessage message = store.lock(id).filter(found -> found.inbox().equals(owner))
                    .orElseThrow(() -> MeshStubFailure.notFound(id));
            switch (message.status()) {
                case UPLOADING -> throw MeshStubFailure.notFound(id);
                case EXPIRED -> throw MeshStubFailure.gone(id);
                case ACCEPTED -> store.acknowledge(id, now);
                case ACKNOWLEDGED -> { }
            }
        });
        return version == ApiVersion.V2 ? HttpResponse.ok()
                : responses.json(HttpStatus.OK, version, Map.of("messageId", id));
    }

    // --- send

    @Post("/{mailbox}/outbox")
    public HttpResponse<?> send(@PathVariable String mailbox, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String sender = authenticate(mailbox, request);
        SendHeaders headers = SendHeaders.of(request.getHeaders());
        if (headers.from() != null && !MeshStubAuthenticator.normalise(headers.from()).equals(sender)) {
            throw MeshStubFailure.sendFailed(null, "07", "Invalid From Address: the mailbox does not match the authorization header");
        }
        if (headers.messageType() != null && !headers.messageType().equalsIgnoreCase("DATA")) {
            throw MeshStubFailure.sendFailed(null, "11", "Invalid Message Type for the transfer, should be DATA");
        }
        ChunkRange range = headers.chunkRange() == null ? ChunkRange.SINGLE : ChunkRange.parse(headers.chunkRange(), null);
        if (range.number() != 1 || range.total() > settings.maxChunks()) {
            throw ChunkRange.malformed(null);
        }
        String recipient = headers.to();
        if (!transactions.inTransaction(() -> store.mailboxExists(recipient))) {
            throw MeshStubFailure.sendFailed(null, "12", "Unregistered to address");
        }
        refuseDeclaredOversize(request, null);
        Instant now = clock.instant();
        String id = MessageIds.next(now);
        try (SpooledChunk chunk = SpooledChunk.spool(body(request), chunkLimit, null)) {
            checkChunk(chunk, headers.contentEncoding(), null);
            transactions.run(() -> {
                store.insert(StubMessage.uploading(id, sender, recipient, headers, range.total(), now));
                store.putChunk(id, 1, chunk.file(), chunk.size());
                if (range.total() == 1) {
                    store.deliver(id, chunk.size(), now);
                }
            });
        }
        LOG.info("MESH stub accepted message {} from {} to {}, workflow {}, {} chunk(s)", id, sender, recipient,
                headers.workflowId(), range.total());
        return responses.json(HttpStatus.ACCEPTED, version,
                version == ApiVersion.V2 ? Map.of("message_id", id) : Map.of("messageID", id));
    }

    @Post("/{mailbox}/outbox/{messageId}/{chunkNumber}")
    public HttpResponse<?> sendChunk(@PathVariable String mailbox, @PathVariable String messageId,
                                     @PathVariable String chunkNumber, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String sender = authenticate(mailbox, request);
        String id = messageId(messageId);
        int number = chunkNumber(chunkNumber);
        String rangeHeader = SendHeaders.optional(request.getHeaders(), "mex-Chunk-Range", 20);
        ChunkRange range = rangeHeader == null ? null : ChunkRange.parse(rangeHeader, id);
        if (range != null && range.number() != number) {
            throw ChunkRange.malformed(id);
        }
        String encoding = SendHeaders.contentEncoding(request.getHeaders(), id);
        StubMessage message = transactions.inTransaction(() -> store.find(id))
                .filter(found -> found.type() == StubMessage.MessageType.DATA && sender.equals(found.sender()))
                .orElseThrow(() -> MeshStubFailure.notFound(id));
        if (message.status() != StubMessage.Status.UPLOADING) {
            throw MeshStubFailure.finalised(id);
        }
        if (number > message.totalChunks() || range != null && range.total() != message.totalChunks()) {
            throw ChunkRange.malformed(id);
        }
        if (!java.util.Objects.equals(encoding, message.contentEncoding())) {
            throw MeshStubFailure.sendFailed(id, "06", "Every chunk must have the first chunk's Content-Encoding");
        }
        refuseDeclaredOversize(request, id);
        Instant now = clock.instant();
        boolean delivered;
        try (SpooledChunk chunk = SpooledChunk.spool(body(request), chunkLimit, id)) {
            checkChunk(chunk, encoding, id);
            delivered = transactions.inTransaction(() -> {
                StubMessage locked = store.lock(id).orElseThrow(() -> MeshStubFailure.notFound(id));
                if (locked.status() != StubMessage.Status.UPLOADING) {
                    throw MeshStubFailure.finalised(id);
                }
                if (store.storedBytesExcept(id, number) + chunk.size() > settings.maxMessageSize()) {
                    throw MeshStubFailure.tooLarge(id, "A message may be at most " + settings.maxMessageSize() + " bytes");
                }
                store.putChunk(id, number, chunk.file(), chunk.size());
                MeshStubStore.ChunkTotals totals = store.chunkTotals(id);
                if (totals.count() == locked.totalChunks()) {
                    store.deliver(id, totals.bytes(), now);
                    return true;
                }
                return false;
            });
        }
        if (delivered) {
            LOG.info("MESH stub delivered chunked message {} from {} to {}, workflow {}", id, sender,
                    message.recipient(), message.workflowId());
        }
        if (version == ApiVersion.V2) {
            return responses.json(HttpStatus.ACCEPTED, version, Map.of("message_id", id));
        }
        return responses.json(HttpStatus.ACCEPTED, version, Map.of("messageID", id, "blockID", number));
    }

    // --- tracking

    @Get("/{mailbox}/outbox/tracking")
    public HttpResponse<?> tracking(@PathVariable String mailbox, @Nullable @QueryValue("messageID") String messageId,
                                    @Nullable @QueryValue("localID") String localId, HttpRequest<?> request) {
        ApiVersion version = ApiVersion.of(accept(request));
        String sender = authenticate(mailbox, request);
        StubMessage message;
        if (messageId != null && !messageId.isBlank()) {
            String id = messageId(messageId);
            message = transactions.inTransaction(() -> store.find(id))
                    .filter(found -> found.type() == StubMessage.MessageType.DATA && sender.equals(found.sender()))
                    .orElseThrow(() -> MeshStubFailure.notFound(id));
        } else if (localId != null && !localId.isBlank()) {
            message = byLocalId(sender, localId);
        } else {
            throw MeshStubFailure.missing("query", "messageID");
        }
        return responses.json(HttpStatus.OK, version, responses.tracking(message, version));
    }

    /** Deprecated in the spec (v1 shape only), kept for older clients. */
    @Get("/{mailbox}/outbox/tracking/{localId}")
    public HttpResponse<?> trackingByLocalId(@PathVariable String mailbox, @PathVariable String localId, HttpRequest<?> request) {
        ApiVersion.of(accept(request));
        String sender = authenticate(mailbox, request);
        return responses.json(HttpStatus.OK, ApiVersion.V1, responses.tracking(byLocalId(sender, localId), ApiVersion.V1));
    }

    private StubMessage byLocalId(String sender, String localId) {
        List<StubMessage> found = transactions.inTransaction(() -> store.sentWithLocalId(sender, localId.strip()));
        if (found.isEmpty()) {
            throw MeshStubFailure.notFound(null);
        }
        if (found.size() > 1) {
            throw MeshStubFailure.notUnique();
        }
        return found.get(0);
    }

    // --- anything else under /messageexchange: a MESH-shaped 404 rather than the framework's

    @Get("/{mailbox}/{+path}")
    public HttpResponse<?> unknownGet(@PathVariable String path, HttpRequest<?> request) {
        return refused(request, MeshStubFailure.mesh(HttpStatus.NOT_FOUND, null, "", "", "No such MESH endpoint"));
    }

    @Post("/{mailbox}/{+path}")
    public HttpResponse<?> unknownPost(@PathVariable String path, HttpRequest<?> request) {
        return unknownGet(path, request);
    }

    @Put("/{mailbox}/{+path}")
    public HttpResponse<?> unknownPut(@PathVariable String path, HttpRequest<?> request) {
        return unknownGet(path, request);
    }

    @Delete("/{mailbox}/{+path}")
    public HttpResponse<?> unknownDelete(@PathVariable String path, HttpRequest<?> request) {
        return unknownGet(path, request);
    }

    @Patch("/{mailbox}/{+path}")
    public HttpResponse<?> unknownPatch(@PathVariable String path, HttpRequest<?> request) {
        return unknownGet(path, request);
    }

    // --- failures: spec-shaped, never a stack trace

    @Error(exception = MeshStubFailure.class)
    public HttpResponse<?> refused(HttpRequest<?> request, MeshStubFailure failure) {
        return responses.failure(failure, ApiVersion.lenient(accept(request)), UUID.randomUUID().toString());
    }

    @Error(exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return refused(request, MeshStubFailure.tooLarge(null, "The request body is too large"));
    }

    @Error(exception = StoreUnavailable.class)
    public HttpResponse<?> storeUnavailable(HttpRequest<?> request) {
        return refused(request, MeshStubFailure.unavailable()).toMutableResponse().header(HttpHeaders.RETRY_AFTER, "30");
    }

    @Error(exception = HttpStatusException.class)
    public HttpResponse<?> httpStatus(HttpRequest<?> request, HttpStatusException exception) {
        HttpStatus status = exception.getStatus().getCode() >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : exception.getStatus();
        return refused(request, MeshStubFailure.mesh(status, null, "", "", status.getReason()));
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> unexpected(HttpRequest<?> request, Exception exception) {
        String internalId = UUID.randomUUID().toString();
        LOG.error("MESH stub failed on {} {} (internal id {})", request.getMethodName(), request.getPath(), internalId, exception);
        return responses.failure(MeshStubFailure.internal(), ApiVersion.lenient(accept(request)), internalId);
    }

    // --- helpers

    private String authenticate(String mailbox, HttpRequest<?> request) {
        return authenticator.authenticate(mailbox, request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    }

    /**
     * The request body, claimed only once the request has passed every check: a body left
     * unclaimed (the request was refused first) is discarded by the server, so a refused client
     * is not left blocked sending it.
     */
    private static InputStream body(HttpRequest<?> request) {
        if (request instanceof ServerHttpRequest<?> server) {
            return server.byteBody().toInputStream();
        }
        throw new IllegalStateException("the MESH stub runs in an HTTP server");
    }

    private static String accept(HttpRequest<?> request) {
        return String.join(",", request.getHeaders().getAll(HttpHeaders.ACCEPT));
    }

    private void refuseDeclaredOversize(HttpRequest<?> request, String messageId) {
        long declared = request.getContentLength();
        if (declared > chunkLimit) {
            throw MeshStubFailure.tooLarge(messageId, "A chunk may be at most " + chunkLimit + " bytes");
        }
    }

    private static void checkChunk(SpooledChunk chunk, String encoding, String messageId) {
        if (chunk.size() == 0) {
            throw MeshStubFailure.sendFailed(messageId, "02", "Data file is missing or inaccessible");
        }
        if ("gzip".equals(encoding) && !chunk.looksLikeGzip()) {
            throw MeshStubFailure.sendFailed(messageId, "06", "Content-Encoding is gzip but the body is not gzip data");
        }
    }

    /** A message id from the path or query, upper case; one that cannot be an id is simply not found. */
    private static String messageId(String text) {
        String id = text.strip().toUpperCase(Locale.ROOT);
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw MeshStubFailure.notFound(null);
        }
        return id;
    }

    private static int chunkNumber(String text) {
        String value = text.strip();
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < 1) {
            throw MeshStubFailure.invalid("path", "chunk_number", "ensure this value is an integer of at least 1",
                    "value_error.number.not_ge");
        }
        return Integer.parseInt(value);
    }

    private static int maxResults(String text) {
        String value = text.strip();
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < MIN_RESULTS || Integer.parseInt(value) > MAX_RESULTS) {
            throw MeshStubFailure.invalid("query", "max_results", "ensure this value is an integer from 10 to 5000",
                    "value_error.number");
        }
        return Integer.parseInt(value);
    }

    /** Where the page after {@code continueFrom} starts: v2 passes the opaque token of links.next, v1 a message id. */
    private long position(String owner, String continueFrom, ApiVersion version) {
        if (version == ApiVersion.V1) {
            return store.inboxPosition(owner, continueFrom.strip().toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> MeshStubFailure.invalid("query", "continue_from", "no such message in this inbox",
                            "value_error.continue_from"));
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(continueFrom), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PAGE_TOKEN_PREFIX)) {
                return Long.parseLong(decoded.substring(PAGE_TOKEN_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the failure below
        }
        throw MeshStubFailure.invalid("query", "continue_from", "continue_from must be taken from links.next",
                "value_error.continue_from");
    }

    private static String inboxLink(String owner, String query) {
        String path = "/messageexchange/" + encode(owner) + "/inbox";
        return query.isEmpty() ? path : path + "?" + query.substring(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether an {@code Accept-Encoding} value admits gzip (listed, or {@code *}, with a q-value above 0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("*") && !name.equals("x-gzip")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    private record Page(List<MeshStubStore.InboxEntry> entries, long count) {
    }

    private record Download(StubMessage message, MeshStubStore.StoredChunk chunk) {
    }
}
