package org.opencpis.adapters.rest.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One Access to Service Notification in the LA's inbox, with exactly the fields of the
 * {@code CPIS_ASN} MESH message (CONTRACT §8): which record, when it was accessed, by whom and from
 * which organisation. {@code accessedAt} is an ISO-8601 instant (UTC). Null fields are
 * present as null (an unregistered accessing organisation has no name).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationResponse(String notificationId, String nhsNumber, String planType, String accessedAt,
                                   AccessedBy accessedBy, AccessingOrganisation organisation) {

    /** The person who accessed the record: SDS user id, role profile id and job role code. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessedBy(String userId, String roleProfileId, String roleCode) {
    }

    /** The organisation the person was acting for. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessingOrganisation(String odsCode, String name) {
    }
}
