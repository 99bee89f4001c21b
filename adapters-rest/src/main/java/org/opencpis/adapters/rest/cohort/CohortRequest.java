package org.opencpis.adapters.rest.cohort;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of {@code PUT /api/v1/cohorts/{cohortId}} (CONTRACT §11); absent lists are empty. */
@Serdeable
public record CohortRequest(@Nullable String ownerOdsCode, @Nullable String name, @Nullable List<String> schoolUrns,
                            @Nullable List<String> gpPracticeOdsCodes, @Nullable List<String> postcodeDistricts,
                            @Nullable List<String> localAuthorityOdsCodes) {
}
