package org.opencpis.adapters.rest.organisation;

import io.micronaut.serde.annotation.Serdeable;

/** An organisation as shown to any authenticated caller: never its mailbox password. */
@Serdeable
public record OrganisationResponse(String odsCode, String name, String type, String emergencyDutyPhone,
                                   String officeHoursPhone, String meshMailboxId) {
}
