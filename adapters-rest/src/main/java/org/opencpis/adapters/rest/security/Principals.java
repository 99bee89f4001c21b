package org.opencpis.adapters.rest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import org.opencpis.adapters.rest.shared.RequestIdFilter;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.OdsCode;

/** Who is acting, as the use cases need it, from the verified token. */
public final class Principals {
    private Principals() {
    }

    /**
     * The request context of an authenticated request. {@code actingAs} is the service role the
     * endpoint requires (LA, ADMIN, AUDITOR); for NHS staff the role is their job role code.
     */
    public static RequestContext context(HttpRequest<?> request, Authentication authentication, String actingAs) {
        return new RequestContext(actor(authentication, actingAs), RequestIdFilter.requestId(request));
    }

    /** Whether the token grants the role or activity code (for NHS staff, an activity of the selected role). */
    public static boolean holds(Authentication authentication, String role) {
        return authentication.getRoles().contains(role);
    }

    public static OdsCode organisation(Authentication authentication) {
        return new OdsCode((String) authentication.getAttributes().get(OpenCpisJwtAuthenticationFactory.ORG));
    }

    private static Actor actor(Authentication authentication, String actingAs) {
        Object roleCode = authentication.getAttributes().get(OpenCpisJwtAuthenticationFactory.ROLE_CODE);
        Object roleProfile = authentication.getAttributes().get(OpenCpisJwtAuthenticationFactory.ROLE_PROFILE_ID);
        return new Actor(authentication.getName(), organisation(authentication),
                roleCode == null ? actingAs : (String) roleCode, (String) roleProfile);
    }
}
