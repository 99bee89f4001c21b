package org.opencpis.adapters.rest.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One member entry (CONTRACT §11): a visible matching record, its LA's contacts and the criteria it matched. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CohortMemberResponse(String nhsNumber, String familyName, List<String> givenNames, String dateOfBirth,
                                   String planType, String startDate, String endDate, ResponsibleLa responsibleLa,
                                   List<String> matchedBy) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResponsibleLa(String odsCode, String name, String officeHoursPhone, String emergencyDutyPhone) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Members(String asOf, List<CohortMemberResponse> members) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Changes(List<CohortMemberResponse> joined, List<Leaver> left, String cursor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Leaver(String nhsNumber) {
    }
}
