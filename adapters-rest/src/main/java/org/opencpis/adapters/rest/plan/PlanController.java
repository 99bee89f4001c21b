package org.opencpis.adapters.rest.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.adapters.rest.shared.ListResponse;
import org.opencpis.adapters.rest.shared.NotFound;
import org.opencpis.adapters.rest.shared.Paging;
import org.opencpis.application.plan.port.in.PlanView;
import org.opencpis.application.plan.port.in.ReadPlansUseCase;
import org.opencpis.application.plan.port.in.RecordPlanUseCase;
import org.opencpis.application.plan.port.in.WithdrawPlanUseCase;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.shared.DomainViolation;

/**
 * CONTRACT §6: a local authority's own records, keyed by (the token's LA, NHS number, plan type).
 * Another LA's record cannot be addressed at all, so it is a plain 404.
 */
@Controller("/api/v1/plans")
@Secured(Roles.LA)
@Tag(name = "Child protection records (LA)")
public class PlanController {
    private final RecordPlanUseCase recordPlan;
    private final ReadPlansUseCase readPlans;
    private final WithdrawPlanUseCase withdrawPlan;

    public PlanController(RecordPlanUseCase recordPlan, ReadPlansUseCase readPlans, WithdrawPlanUseCase withdrawPlan) {
        this.recordPlan = recordPlan;
        this.readPlans = readPlans;
        this.withdrawPlan = withdrawPlan;
    }

    @Put("/{nhsNumber}/{planType}")
    @Operation(summary = "Create or update the LA's record (201 created, 200 updated or unchanged); 422 CPR01-CPR05 when PDS disagrees")
    public HttpResponse<PlanResponse> put(@PathVariable String nhsNumber, @PathVariable String planType,
                                          @Nullable @Body PlanRequest body, HttpRequest<?> request,
                                          Authentication authentication) {
        RecordKey key = PlanMapper.key(Principals.organisation(authentication), nhsNumber, planType);
        RecordPlanUseCase.RecordPlanResult result = recordPlan.record(context(request, authentication), key,
                PlanMapper.details(key.planType(), body));
        HttpStatus status = result.change() == RecordPlanUseCase.Change.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return HttpResponse.<PlanResponse>status(status).body(PlanMapper.toResponse(result.plan()));
    }

    @Get("/{nhsNumber}/{planType}")
    @Operation(summary = "Read the LA's own record")
    public PlanResponse get(@PathVariable String nhsNumber, @PathVariable String planType, HttpRequest<?> request,
                            Authentication authentication) {
        RecordKey key = PlanMapper.key(Principals.organisation(authentication), nhsNumber, planType);
        return readPlans.read(context(request, authentication), key).map(PlanMapper::toResponse)
                .orElseThrow(() -> new NotFound("no current record for this NHS number and plan type"));
    }

    @Get
    @Operation(summary = "List the LA's own current records, optionally ACTIVE or ENDED, paged")
    public ListResponse<PlanResponse> list(@Nullable @QueryValue String status, @Nullable @QueryValue String page,
                                           @Nullable @QueryValue String size, HttpRequest<?> request,
                                           Authentication authentication) {
        RecordStatus filter = status == null ? null : parseStatus(status);
        PageRequest pageRequest = Paging.request(page, size);
        Page<PlanView> found = readPlans.list(context(request, authentication), filter, pageRequest);
        return Paging.response(found.map(PlanMapper::toResponse), request, pageRequest);
    }

    @Delete("/{nhsNumber}/{planType}")
    @Operation(summary = "Withdraw the LA's record as entered in error: hidden at once (204)")
    public HttpResponse<Void> withdraw(@PathVariable String nhsNumber, @PathVariable String planType,
                                       HttpRequest<?> request, Authentication authentication) {
        RecordKey key = PlanMapper.key(Principals.organisation(authentication), nhsNumber, planType);
        if (!withdrawPlan.withdraw(context(request, authentication), key)) {
            throw new NotFound("no current record for this NHS number and plan type");
        }
        return HttpResponse.noContent();
    }

    private static RequestContext context(HttpRequest<?> request, Authentication authentication) {
        return Principals.context(request, authentication, Roles.LA);
    }

    private static RecordStatus parseStatus(String raw) {
        if (raw.equals(RecordStatus.ACTIVE.name()) || raw.equals(RecordStatus.ENDED.name())) {
            return RecordStatus.valueOf(raw);
        }
        throw new DomainViolation("INVALID_STATUS", "status", "status must be ACTIVE or ENDED");
    }
}
