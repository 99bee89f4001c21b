package org.opencpis.adapters.rest.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A record as its LA sees it: {@code status} ACTIVE or ENDED today, {@code visibleUntil} the last
 * day clinicians see it and {@code deleteDate} the day it is purged (both null while the plan is open).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanResponse(String nhsNumber, String planType, String status, String startDate, String endDate,
                           String visibleUntil, String deleteDate, String familyName, List<String> givenNames,
                           String dateOfBirth, String localId, String lacLegalStatus, String schoolUrn,
                           String gpPracticeOdsCode, String postcode, String responsibleLa) {
}
