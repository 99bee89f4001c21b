package org.opencpis.adapters.rest.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** How many of the given ids were the LA's own unacknowledged notifications and are now acknowledged. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AcknowledgementResponse(int acknowledged) {
}
