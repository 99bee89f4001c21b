package org.opencpis.adapters.rest.organisation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.shared.NotFound;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.application.organisation.port.in.FindOrganisationUseCase;
import org.opencpis.application.organisation.port.in.RegisterOrganisationUseCase;
import org.opencpis.domain.shared.OdsCode;

/** CONTRACT §5: organisations are registered by ADMIN and readable with any valid token. */
@Controller("/api/v1/organisations")
@Tag(name = "Organisations")
public class OrganisationController {
    private final RegisterOrganisationUseCase register;
    private final FindOrganisationUseCase find;

    public OrganisationController(RegisterOrganisationUseCase register, FindOrganisationUseCase find) {
        this.register = register;
        this.find = find;
    }

    @Put("/{odsCode}")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Register or update an organisation (ADMIN): 201 created, 200 updated")
    public HttpResponse<OrganisationResponse> put(@PathVariable String odsCode, @Nullable @Body OrganisationRequest body,
                                                  HttpRequest<?> request, Authentication authentication) {
        RegisterOrganisationUseCase.Registration registration = register.register(
                Principals.context(request, authentication, Roles.ADMIN), OrganisationMapper.toDomain(odsCode, body));
        return HttpResponse.<OrganisationResponse>status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(OrganisationMapper.toResponse(registration.organisation()));
    }

    @Get("/{odsCode}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Read an organisation (any valid token); the mailbox password is never returned")
    public HttpResponse<OrganisationResponse> get(@PathVariable String odsCode) {
        OdsCode ods = OdsCode.of(odsCode, "odsCode");
        return HttpResponse.ok(find.find(ods).map(OrganisationMapper::toResponse)
                .orElseThrow(() -> new NotFound("no organisation " + ods)));
    }
}
