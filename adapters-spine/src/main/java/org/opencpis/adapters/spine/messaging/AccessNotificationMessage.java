package org.opencpis.adapters.spine.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** The body of a {@code CPIS_ASN} message (CONTRACT §8), exactly as the LA's system receives it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccessNotificationMessage(UUID notificationId, String nhsNumber, String planType, String accessedAt,
                                        AccessedBy accessedBy, Organisation organisation) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessedBy(String userId, String roleProfileId, String roleCode) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Organisation(String odsCode, String name) {
    }
}
