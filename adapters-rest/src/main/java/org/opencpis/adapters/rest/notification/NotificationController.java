package org.opencpis.adapters.rest.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencpis.adapters.rest.security.Principals;
import org.opencpis.adapters.rest.security.Roles;
import org.opencpis.adapters.rest.shared.ListResponse;
import org.opencpis.adapters.rest.shared.Paging;
import org.opencpis.application.alert.port.in.AcknowledgeNotificationsUseCase;
import org.opencpis.application.alert.port.in.ReadNotificationsUseCase;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.shared.DomainViolation;

/**
 * CONTRACT §8: a local authority's inbox of Access to Service Notifications (its own only, oldest
 * first) and their bulk acknowledgement. Acknowledging is idempotent; ids that are unknown, another
 * LA's or already acknowledged are not counted, and which they were is not revealed.
 */
@Controller("/api/v1/notifications")
@Secured(Roles.LA)
@Tag(name = "Access to Service Notifications (LA)")
public class NotificationController {
    private final ReadNotificationsUseCase read;
    private final AcknowledgeNotificationsUseCase acknowledge;

    public NotificationController(ReadNotificationsUseCase read, AcknowledgeNotificationsUseCase acknowledge) {
        this.read = read;
        this.acknowledge = acknowledge;
    }

    @Get
    @Operation(summary = "The LA's unacknowledged notifications, oldest access first, paged (acknowledged=false is the default)")
    public ListResponse<NotificationResponse> list(@Nullable @QueryValue String acknowledged, @Nullable @QueryValue String page,
                                                   @Nullable @QueryValue String size, HttpRequest<?> request,
                                                   Authentication authentication) {
        if (acknowledged != null && !acknowledged.equals("false")) {
            throw new DomainViolation("INVALID_FIELD", "acknowledged",
                    "acknowledged must be false: acknowledged notifications are not listed");
        }
        PageRequest pageRequest = Paging.request(page, size);
        return Paging.response(read.unacknowledged(context(request, authentication), pageRequest)
                .map(NotificationMapper::toResponse), request, pageRequest);
    }

    @Post("/acknowledgements")
    @Operation(summary = "Acknowledge 1 to 1000 of the LA's notifications at once; answers how many were newly acknowledged")
    public AcknowledgementResponse acknowledge(@Nullable @Body AcknowledgementRequest body, HttpRequest<?> request,
                                               Authentication authentication) {
        return new AcknowledgementResponse(acknowledge.acknowledge(context(request, authentication),
                NotificationMapper.ids(body)));
    }

    private static RequestContext context(HttpRequest<?> request, Authentication authentication) {
        return Principals.context(request, authentication, Roles.LA);
    }
}
