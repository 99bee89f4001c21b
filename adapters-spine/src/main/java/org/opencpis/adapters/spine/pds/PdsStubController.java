package org.opencpis.adapters.spine.pds;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.opencpis.application.alert.port.in.ReportSupersededNumberUseCase;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * Drives the <strong>PDS STUB</strong> for tests and demonstrations (ADMIN only): {@code POST
 * /pds-stub/supersessions {"nhsNumber", "supersededBy"}} makes the stub answer that the number is
 * superseded (CPR05) from now on, and reports it to OpenCPIS as PDS would, so that every LA holding
 * records under the number is sent a {@code CPIS_INACTIVE_NHS_NUMBER} message. Answers 202 without
 * saying whether anyone holds the number: an operator sees no child data. Present only while the
 * PDS stub is in use; the national PDS reports supersessions through its own change notifications.
 */
@Controller("/pds-stub/supersessions")
@Requires(beans = FixturePds.class)
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PdsStubController {
    /** Where the REST adapter's request-id filter keeps the id this request is known by. */
    private static final String REQUEST_ID_ATTRIBUTE = "opencpis.requestId";
    private final FixturePds pds;
    private final ReportSupersededNumberUseCase report;

    public PdsStubController(FixturePds pds, ReportSupersededNumberUseCase report) {
        this.pds = pds;
        this.report = report;
    }

    @Post
    public HttpResponse<Void> supersede(HttpRequest<?> request, Authentication authentication, @Body Supersession body) {
        NhsNumber old = number(body.nhsNumber(), "nhsNumber");
        NhsNumber replacement = number(body.supersededBy(), "supersededBy");
        if (old.equals(replacement)) {
            throw new DomainViolation("INVALID_SUPERSESSION", "supersededBy", "a number cannot supersede itself");
        }
        try {
            pds.markSuperseded(old, replacement);
        } catch (IllegalStateException e) {
            throw new DomainViolation("INVALID_SUPERSESSION", "nhsNumber", "only an active or superseded number can be superseded");
        }
        Actor admin = new Actor(authentication.getName(), new OdsCode((String) authentication.getAttributes().get("org")),
                "ADMIN", null);
        report.numberSuperseded(old, replacement, new RequestContext(admin,
                request.getAttribute(REQUEST_ID_ATTRIBUTE, String.class).orElse(null)));
        return HttpResponse.accepted();
    }

    private static NhsNumber number(String value, String field) {
        if (value == null) {
            throw new DomainViolation(NhsNumber.INVALID, field, "an NHS number is required");
        }
        try {
            return new NhsNumber(value);
        } catch (DomainViolation e) {
            throw new DomainViolation(e.code(), field, e.getMessage());
        }
    }

    /** The body: the number PDS makes inactive and the number that supersedes it. */
    @Serdeable
    public record Supersession(String nhsNumber, String supersededBy) {
    }
}
