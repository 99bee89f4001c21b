package org.opencpis.adapters.rest.fhir;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.opencpis.adapters.rest.shared.ErrorDialect;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Errors under {@code /FHIR/} are FHIR {@code OperationOutcome} resources ({@code application/fhir+json})
 * with a Spine error code, whoever raised them: the FHIR controllers ({@link FhirError}), the
 * project's validation, or Micronaut itself (security rejections, unknown routes, unreadable
 * requests, unexpected failures).
 *
 * <p>Codes by status: 400 {@code INVALID_SEARCH_DATA} / {@code PRECONDITION_FAILED} /
 * {@code BAD_REQUEST}; 401 and 403 {@code ACCESS_DENIED} (issue type {@code login} and
 * {@code forbidden}); 404 and 405 {@code UNSUPPORTED_SERVICE}; 406, 413, 415 {@code BAD_REQUEST};
 * 429 {@code TOO_MANY_REQUESTS} (issue type {@code throttled}); 503 {@code UNABLE_TO_CALL_SERVICE}
 * (issue type {@code transient}); other 5xx {@code FAILURE_TO_PROCESS_MESSAGE}.
 */
@Singleton
public class FhirErrors implements ErrorDialect, ExceptionHandler<FhirError, HttpResponse<?>> {
    static final String PATH_PREFIX = "/FHIR/";

    private final FhirJson json;

    public FhirErrors(FhirJson json) {
        this.json = json;
    }

    @Override
    public boolean appliesTo(HttpRequest<?> request) {
        String path = request.getPath();
        return path.startsWith(PATH_PREFIX) || path.equals("/FHIR");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, FhirError e) {
        return response(e.status(), e.code(), e.code().issueType(), e.getMessage());
    }

    @Override
    public MutableHttpResponse<?> error(HttpStatus status, String code, String detail) {
        int value = status.getCode();
        if (value == 400) {
            return response(status, badRequestCode(code), IssueType.INVALID, detail);
        }
        return switch (value) {
            case 401 -> response(status, SpineErrorCode.ACCESS_DENIED, IssueType.LOGIN, detail);
            case 403 -> response(status, SpineErrorCode.ACCESS_DENIED, IssueType.FORBIDDEN, detail);
            case 404 -> response(status, SpineErrorCode.UNSUPPORTED_SERVICE, IssueType.NOTFOUND,
                    "No such FHIR endpoint: OpenCPIS serves GET /FHIR/R4/CareTeam and GET /FHIR/R4/AuditEvent.");
            case 405 -> response(status, SpineErrorCode.UNSUPPORTED_SERVICE, IssueType.NOTSUPPORTED, detail);
            case 406, 415 -> response(status, SpineErrorCode.BAD_REQUEST, IssueType.NOTSUPPORTED, detail);
            case 413 -> response(status, SpineErrorCode.BAD_REQUEST, IssueType.TOOLONG, detail);
            case 429 -> response(status, SpineErrorCode.TOO_MANY_REQUESTS, IssueType.THROTTLED, detail);
            case 503 -> response(status, SpineErrorCode.UNABLE_TO_CALL_SERVICE, IssueType.TRANSIENT, detail);
            default -> value >= 500
                    ? response(status, SpineErrorCode.FAILURE_TO_PROCESS_MESSAGE, IssueType.EXCEPTION, detail)
                    : response(status, SpineErrorCode.BAD_REQUEST, IssueType.INVALID, detail);
        };
    }

    private static SpineErrorCode badRequestCode(String code) {
        if (NhsNumber.INVALID.equals(code)) {
            return SpineErrorCode.INVALID_SEARCH_DATA;
        }
        for (SpineErrorCode spine : SpineErrorCode.values()) {
            if (spine.name().equals(code)) {
                return spine;
            }
        }
        return SpineErrorCode.BAD_REQUEST;
    }

    private MutableHttpResponse<byte[]> response(HttpStatus status, SpineErrorCode code, IssueType type, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(status.getCode() >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(diagnostics);
        issue.getDetails().addCoding().setSystem(SpineErrorCode.SYSTEM).setCode(code.name()).setDisplay(code.display());
        return json.response(status, outcome);
    }
}
