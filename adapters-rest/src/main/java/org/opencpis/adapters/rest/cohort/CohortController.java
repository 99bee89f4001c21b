package org.opencpis.adapters.rest.cohort;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.OptionalLong;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.adapters.rest.shared.InvalidRequest;
import org.opencpis.adapters.rest.shared.Problem;
import org.opencpis.application.cohort.port.in.CohortMembers;
import org.opencpis.application.cohort.port.in.DefineCohortUseCase;
import org.opencpis.application.cohort.port.in.ReadCohortUseCase;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortId;

/**
 * CONTRACT §11: cohorts are defined by ADMIN and read by B0170 staff acting for the owning
 * organisation. Reads are silent: audited per child, never an Access to Service Notification.
 */
@Controller("/api/v1/cohorts")
@Tag(name = "Cohorts")
public class CohortController {
    private final DefineCohortUseCase define;
    private final ReadCohortUseCase read;

    public CohortController(DefineCohortUseCase define, ReadCohortUseCase read) {
        this.define = define;
        this.read = read;
    }

    @Put("/{cohortId}")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Define or redefine a cohort (ADMIN): 201 created, 200 updated; membership follows at once")
    public HttpResponse<CohortResponse> put(@PathVariable String cohortId, @Nullable @Body CohortRequest body,
                                            HttpRequest<?> request, Authentication authentication) {
        Cohort cohort = CohortMapper.toDomain(cohortId, body);
        boolean created = define.define(Principals.context(request, authentication, Roles.ADMIN), cohort);
        return HttpResponse.<CohortResponse>status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CohortMapper.toResponse(cohort));
    }

    @Get("/{cohortId}/members")
    @Secured(Roles.B0170)
    @Operation(summary = "The cohort's members (B0170 staff of the owner); a silent read")
    public CohortMemberResponse.Members members(@PathVariable String cohortId, HttpRequest<?> request,
                                                Authentication authentication) {
        CohortMembers members = read.members(Principals.context(request, authentication, Roles.B0170), new CohortId(cohortId));
        return new CohortMemberResponse.Members(members.asOf().toString(),
                members.members().stream().map(CohortMapper::toResponse).toList());
    }

    @Get("/{cohortId}/changes")
    @Secured(Roles.B0170)
    @Operation(summary = "Joiners and leavers since a cursor (B0170 staff of the owner); without one, every member joins")
    public CohortMemberResponse.Changes changes(@PathVariable String cohortId, @Nullable @QueryValue String since,
                                                HttpRequest<?> request, Authentication authentication) {
        return CohortMapper.toResponse(read.changes(Principals.context(request, authentication, Roles.B0170),
                new CohortId(cohortId), cursor(since)));
    }

    private static OptionalLong cursor(String since) {
        if (since == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(since));
        } catch (NumberFormatException e) {
            throw new InvalidRequest(java.util.List.of(new Problem.FieldProblem("since", "INVALID_CURSOR",
                    "since must be a cursor this cohort gave")));
        }
    }
}
