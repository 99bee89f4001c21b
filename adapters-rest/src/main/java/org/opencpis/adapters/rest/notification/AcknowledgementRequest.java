package org.opencpis.adapters.rest.notification;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code POST /api/v1/notifications/acknowledgements}: 1 to 1000 notification ids (UUIDs). */
@Serdeable
public record AcknowledgementRequest(List<String> ids) {
}
