package org.opencpis.adapters.rest.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Every error Micronaut produces itself (unknown route, unreadable body, unconvertible parameter,
 * security rejections, unexpected failures) becomes a problem+json body with a stable code and a
 * generic detail: no stack trace, no echo of the input. Where an {@link ErrorDialect} applies to
 * the request (the FHIR API), that dialect writes the body instead. Errors Micronaut answers
 * before any filter runs (an over-long request line or header, an undecodable request) get the
 * security headers and a request id here.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Object> {
    private static final Map<Integer, String[]> CODES = Map.of(
            400, new String[] {"MALFORMED_REQUEST", "The request could not be read: check the JSON body and the parameters."},
            401, new String[] {"UNAUTHENTICATED", "A valid bearer token is required."},
            403, new String[] {"FORBIDDEN", "The token does not grant this action."},
            404, new String[] {"NOT_FOUND", "No such resource."},
            405, new String[] {"METHOD_NOT_ALLOWED", "This method is not allowed here."},
            406, new String[] {"NOT_ACCEPTABLE", "The requested media type cannot be produced."},
            413, new String[] {"PAYLOAD_TOO_LARGE", "The request body is too large."},
            415, new String[] {"UNSUPPORTED_MEDIA_TYPE", "The request body's media type is not supported."},
            503, new String[] {"SERVICE_UNAVAILABLE", "The service cannot answer now; try again shortly."});

    private final ErrorDialects dialects;

    public ProblemErrorResponseProcessor(ErrorDialects dialects) {
        this.dialects = dialects;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() >= 500 && status.getCode() != 503) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String[] codeAndDetail = CODES.getOrDefault(status.getCode(),
                status.getCode() >= 500
                        ? new String[] {"INTERNAL_ERROR", "An unexpected error occurred; it has been logged."}
                        : new String[] {"BAD_REQUEST", "The request was not accepted."});
        HttpStatus finalStatus = status;
        MutableHttpResponse<?> error = dialects.forRequest(context.getRequest())
                .<MutableHttpResponse<?>>map(dialect -> dialect.error(finalStatus, codeAndDetail[0], codeAndDetail[1]))
                .orElseGet(() -> Problems.response(finalStatus, codeAndDetail[0], codeAndDetail[1]));
        MutableHttpResponse<Object> out = (MutableHttpResponse<Object>) response;
        out.status(status).body(error.body());
        error.getContentType().ifPresent(out::contentType);
        SecurityHeaders.apply(context.getRequest(), out);
        RequestIdFilter.echo(context.getRequest(), out);
        return out;
    }
}
