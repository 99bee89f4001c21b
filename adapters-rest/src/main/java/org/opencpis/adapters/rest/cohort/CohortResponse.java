package org.opencpis.adapters.rest.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A cohort's definition as stored. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CohortResponse(String cohortId, String ownerOdsCode, String name, List<String> schoolUrns,
                             List<String> gpPracticeOdsCodes, List<String> postcodeDistricts,
                             List<String> localAuthorityOdsCodes) {
}
