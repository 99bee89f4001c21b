package org.opencpis.application.shared;

import java.util.Objects;
import org.opencpis.domain.shared.Actor;

/** Who asks, and the request id that ties their request to its audit entries. */
public record RequestContext(Actor actor, String requestId) {
    public RequestContext {
        Objects.requireNonNull(actor, "actor");
    }
}
