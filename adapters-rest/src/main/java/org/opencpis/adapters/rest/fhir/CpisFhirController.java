package org.opencpis.adapters.rest.fhir;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.application.alert.port.in.QueryProtectionUseCase;
import org.opencpis.application.alert.port.in.ReadAccessHistoryUseCase;
import org.opencpis.domain.alert.AccessKind;
import org.opencpis.domain.shared.NhsNumber;

/**
 * CONTRACT §8, the CP-IS query for clinical systems in FHIR R4. Both searches need activity
 * B0107 or B0170, a UUID {@code X-Request-ID} and {@code patient:identifier} with the NHS number.
 *
 * <p>A CareTeam search is an <b>unscheduled</b> access (recorded, shown in the access history and
 * notified to each responsible local authority) only when the caller holds B0107 and does not send
 * {@code IsUnscheduledAccessEvent: false}; otherwise it is a <b>silent</b> read (audited only).
 */
@Controller("/FHIR/R4")
@Secured({Roles.B0107, Roles.B0170})
@Tag(name = "FHIR R4: CP-IS query (clinical systems)")
public class CpisFhirController {
    private static final String IDENTIFIER_DOC = "https://fhir.nhs.uk/Id/nhs-number|{NHS number}";

    private final QueryProtectionUseCase query;
    private final ReadAccessHistoryUseCase history;
    private final FhirJson json;

    public CpisFhirController(QueryProtectionUseCase query, ReadAccessHistoryUseCase history, FhirJson json) {
        this.query = query;
        this.history = history;
        this.json = json;
    }

    @Get(uri = "/CareTeam", produces = {FhirJson.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Is this person on a child protection plan, and whom to phone: a searchset Bundle of CareTeam "
            + "(total 0 when not on the register)")
    @Parameter(name = FhirSearch.PATIENT_IDENTIFIER, in = ParameterIn.QUERY, required = true, description = IDENTIFIER_DOC)
    @Parameter(name = FhirSearch.REQUEST_ID, in = ParameterIn.HEADER, required = true, description = "a UUID")
    @Parameter(name = FhirSearch.UNSCHEDULED, in = ParameterIn.HEADER,
            description = "true (default) or false; only a B0107 holder makes an unscheduled access")
    @ApiResponse(responseCode = "200", description = "a FHIR R4 Bundle (searchset) of CareTeam",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome: INVALID_SEARCH_DATA or PRECONDITION_FAILED",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "401", description = "OperationOutcome: ACCESS_DENIED (no valid token)",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "403", description = "OperationOutcome: ACCESS_DENIED (neither B0107 nor B0170)",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    public HttpResponse<byte[]> careTeams(HttpRequest<?> request, Authentication authentication) {
        FhirSearch.requireRequestId(request);
        boolean unscheduledRequested = FhirSearch.unscheduledRequested(request);
        NhsNumber nhsNumber = FhirSearch.patient(request);
        boolean unscheduled = unscheduledRequested && Principals.holds(authentication, Roles.B0107);
        AccessKind kind = unscheduled ? AccessKind.UNSCHEDULED : AccessKind.SILENT;
        String activity = unscheduled ? Roles.B0107 : silentActivity(authentication);
        List<QueryProtectionUseCase.ResponsibleRecord> found =
                query.query(Principals.context(request, authentication, activity), nhsNumber, kind);
        return json.response(HttpStatus.OK, FhirResources.searchset(self(request),
                found.stream().map(FhirResources::careTeam).toList()));
    }

    @Get(uri = "/AuditEvent", produces = {FhirJson.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "The " + ReadAccessHistoryUseCase.HISTORY_SIZE + " most recent unscheduled accesses to the person, "
            + "newest first: a searchset Bundle of AuditEvent")
    @Parameter(name = FhirSearch.PATIENT_IDENTIFIER, in = ParameterIn.QUERY, required = true, description = IDENTIFIER_DOC)
    @Parameter(name = FhirSearch.REQUEST_ID, in = ParameterIn.HEADER, required = true, description = "a UUID")
    @ApiResponse(responseCode = "200", description = "a FHIR R4 Bundle (searchset) of AuditEvent",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome: INVALID_SEARCH_DATA or PRECONDITION_FAILED",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "401", description = "OperationOutcome: ACCESS_DENIED (no valid token)",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "403", description = "OperationOutcome: ACCESS_DENIED (neither B0107 nor B0170)",
            content = @Content(mediaType = FhirJson.FHIR_JSON, schema = @Schema(type = "object")))
    public HttpResponse<byte[]> auditEvents(HttpRequest<?> request, Authentication authentication) {
        FhirSearch.requireRequestId(request);
        NhsNumber nhsNumber = FhirSearch.patient(request);
        String activity = Principals.holds(authentication, Roles.B0107) ? Roles.B0107 : Roles.B0170;
        return json.response(HttpStatus.OK, FhirResources.searchset(self(request),
                history.history(Principals.context(request, authentication, activity), nhsNumber).stream()
                        .map(FhirResources::auditEvent).toList()));
    }

    /** The activity a silent read is made under: B0170 when held, else B0107 with the header set to false. */
    private static String silentActivity(Authentication authentication) {
        return Principals.holds(authentication, Roles.B0170) ? Roles.B0170 : Roles.B0107;
    }

    private static String self(HttpRequest<?> request) {
        return request.getUri().toString();
    }
}
