package org.opencpis.adapters.rest.organisation;

import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code PUT /api/v1/organisations/{odsCode}}. The mailbox password is write-only. */
@Serdeable
public record OrganisationRequest(String name, String type, String emergencyDutyPhone, String officeHoursPhone,
                                  String meshMailboxId, String meshMailboxPassword) {
}
