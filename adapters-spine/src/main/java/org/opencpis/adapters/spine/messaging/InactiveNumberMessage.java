package org.opencpis.adapters.spine.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The body of a {@code CPIS_INACTIVE_NHS_NUMBER} message, exactly as the LA's system receives it:
 * the number PDS made inactive, the number that supersedes it, and the LA's records held under the
 * old number (plan type and the LA's local id, which may be null).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InactiveNumberMessage(UUID noticeId, String nhsNumber, String supersededBy, List<HeldRecord> records,
                                    String detectedAt) {
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HeldRecord(String planType, String localId) {
    }
}
