package org.opencpis.adapters.rest.upload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.UUID;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.adapters.rest.shared.Fields;
import org.opencpis.adapters.rest.shared.NotFound;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.upload.port.in.ReadUploadUseCase;
import org.opencpis.application.upload.port.in.ReadUploadUseCase.UploadStatus;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase.SubmitUploadCommand;
import org.opencpis.application.upload.port.in.UploadRejected;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.UploadProgress;

/**
 * CONTRACT §7 over REST: an LA posts an upload file (JSON, or CSV with {@code ?sequenceNumber=}),
 * which is streamed into storage and answered 202 with where its acknowledgement will be; a GET
 * there answers 202 while the file waits or is processed, then 200 with the acknowledgement,
 * streamed. Another LA's upload is a plain 404. A body larger than
 * {@code micronaut.server.max-request-size} is 413, whether its length is declared or not.
 */
@Controller("/api/v1/uploads")
@Secured(Roles.LA)
@Tag(name = "Batch uploads (LA)")
public class UploadController {
    private static final String PATH = "/api/v1/uploads/";
    private static final MediaType CSV = MediaType.of("text/csv");
    private static final String RETRY_AFTER_SECONDS = "2";

    private final SubmitUploadUseCase submitUpload;
    private final ReadUploadUseCase readUpload;
    private final HttpServerConfiguration server;

    public UploadController(SubmitUploadUseCase submitUpload, ReadUploadUseCase readUpload, HttpServerConfiguration server) {
        this.submitUpload = submitUpload;
        this.readUpload = readUpload;
        this.server = server;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Submit an upload file (JSON, or CSV with ?sequenceNumber=): 202 with Location of its acknowledgement")
    public HttpResponse<?> submit(@Nullable @QueryValue String sequenceNumber, @Nullable @Body InputStream body,
                                  HttpRequest<?> request, Authentication authentication) {
        SequenceNumber given = sequenceNumber(sequenceNumber, request);
        long declared = request.getContentLength();
        if (declared > server.getMaxRequestSize()) {
            throw new UploadTooLarge(server.getMaxRequestSize());
        }
        if (body == null) {
            throw new UploadRejected("EMPTY_UPLOAD", "the upload has no content");
        }
        InputStream content = declared >= 0 ? body : new LimitedBody(body, server.getMaxRequestSize() - 1);
        UUID id = submitUpload.submit(new SubmitUploadCommand(context(request, authentication), given, content));
        String location = PATH + id;
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, location)
                .body(new UploadAcceptedResponse(id.toString(), UploadProgress.RECEIVED.name(),
                        given == null ? null : given.value(), location));
    }

    @Get("/{uploadId}")
    @Operation(summary = "The acknowledgement of the LA's upload (200, streamed), or 202 while it is being processed")
    public HttpResponse<?> get(@PathVariable String uploadId, HttpRequest<?> request, Authentication authentication) {
        UUID id = uuid(uploadId);
        RequestContext context = context(request, authentication);
        UploadStatus status = readUpload.read(context, id).orElseThrow(() -> new NotFound("no such upload"));
        if (status.acknowledgement() == null) {
            SequenceNumber given = status.givenSequenceNumber();
            return HttpResponse.status(HttpStatus.ACCEPTED)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(new UploadAcceptedResponse(id.toString(), status.progress() == UploadProgress.PROCESSING
                            ? UploadProgress.PROCESSING.name() : UploadProgress.RECEIVED.name(),
                            given == null ? null : given.value(), PATH + id));
        }
        InputStream document = new AcknowledgementBody(status.acknowledgement(),
                (from, limit) -> readUpload.results(context, id, from, limit));
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static SequenceNumber sequenceNumber(String raw, HttpRequest<?> request) {
        Fields fields = new Fields();
        boolean csv = request.getContentType().map(type -> type.matches(CSV)).orElse(false);
        if (csv) {
            fields.required("sequenceNumber", raw);
        }
        SequenceNumber given = fields.optional("sequenceNumber", raw, SequenceNumber::parse);
        fields.orThrow();
        return given;
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFound("no such upload");
        }
    }

    private static RequestContext context(HttpRequest<?> request, Authentication authentication) {
        return Principals.context(request, authentication, Roles.LA);
    }
}
