package org.opencpis.adapters.spine.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of a {@code CPIS_COHORT} message: a cohort's joiners (each with their records, as the
 * members endpoint gives them) and leavers since the previous push, and the cursor they reach.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CohortChangesMessage(String cohortId, String cursor, List<Member> joined, List<Leaver> left) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Member(String nhsNumber, String familyName, List<String> givenNames, String dateOfBirth, String planType,
                         String startDate, String endDate, ResponsibleLa responsibleLa, List<String> matchedBy) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResponsibleLa(String odsCode, String name, String officeHoursPhone, String emergencyDutyPhone) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Leaver(String nhsNumber) {
    }
}
