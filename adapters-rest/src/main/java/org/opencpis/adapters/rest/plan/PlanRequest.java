package org.opencpis.adapters.rest.plan;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code PUT /api/v1/plans/{nhsNumber}/{planType}}. Dates are ISO-8601 calendar dates;
 * for a UCPP the names and date of birth are the mother's.
 */
@Serdeable
public record PlanRequest(String startDate, String endDate, String deleteDate, String familyName,
                          List<String> givenNames, String dateOfBirth, String localId, String lacLegalStatus,
                          String schoolUrn, String gpPracticeOdsCode, String postcode) {
}
