package org.opencpis.adapters.rest.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.adapters.rest.shared.Fields;
import org.opencpis.adapters.rest.shared.ListResponse;
import org.opencpis.adapters.rest.shared.Paging;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.audit.port.in.ReadAuditTrailUseCase;
import org.opencpis.application.audit.port.in.VerifyAuditTrailUseCase;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;

/** CONTRACT §12: auditors list and verify the audit trail. */
@Controller("/api/v1/audit")
@Secured(Roles.AUDITOR)
@Tag(name = "Audit")
public class AuditController {
    private final ReadAuditTrailUseCase read;
    private final VerifyAuditTrailUseCase verify;

    public AuditController(ReadAuditTrailUseCase read, VerifyAuditTrailUseCase verify) {
        this.read = read;
        this.verify = verify;
    }

    @Get
    @Operation(summary = "List audit entries, oldest first; from (inclusive) and to (exclusive) are ISO instants or dates")
    public ListResponse<AuditEntryResponse> list(@Nullable @QueryValue String nhsNumber, @Nullable @QueryValue String from,
                                                 @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                                                 @Nullable @QueryValue String size, HttpRequest<?> request,
                                                 Authentication authentication) {
        Fields fields = new Fields();
        NhsNumber nhs = fields.optional("nhsNumber", nhsNumber, NhsNumber::of);
        Instant start = fields.optional("from", from, raw -> instant("from", raw));
        Instant end = fields.optional("to", to, raw -> instant("to", raw));
        fields.orThrow();
        PageRequest pageRequest = Paging.request(page, size);
        return Paging.response(read.search(Principals.context(request, authentication, Roles.AUDITOR),
                new AuditSearch(nhs, start, end), pageRequest).map(AuditController::toResponse), request, pageRequest);
    }

    @Get("/verification")
    @Operation(summary = "Re-compute the hash chain")
    public VerificationResponse verification(HttpRequest<?> request, Authentication authentication) {
        VerifyAuditTrailUseCase.Verification result = verify.verify(Principals.context(request, authentication, Roles.AUDITOR));
        return new VerificationResponse(result.valid(), result.entries());
    }

    private static Instant instant(String field, String raw) {
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new DomainViolation("INVALID_DATE", field, field + " must be an ISO-8601 instant or date");
        }
    }

    private static AuditEntryResponse toResponse(ChainedAuditEntry chained) {
        var entry = chained.entry();
        return new AuditEntryResponse(chained.sequence(), entry.at().toString(), entry.actor().subject(),
                entry.actor().organisation().value(), entry.actor().role(), entry.actor().roleProfileId(),
                entry.action(), entry.nhsNumber() == null ? null : entry.nhsNumber().value(), entry.requestId(),
                entry.outcome(), chained.previousHash(), chained.hash());
    }
}
