package org.opencpis.adapters.rest.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An organisation as shown to any authenticated caller: never its mailbox password. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrganisationResponse(String odsCode, String name, String type, String emergencyDutyPhone,
                                   String officeHoursPhone, String meshMailboxId) {
}
