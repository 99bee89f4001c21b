package org.opencpis.domain.cohort;

import java.time.LocalDate;
import java.util.List;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.NhsNumber;

/** One visible record of a cohort member, with the responsible LA's contacts and the criteria it matched. */
public record CohortMember(NhsNumber nhsNumber, String familyName, List<String> givenNames, LocalDate dateOfBirth,
                           PlanType planType, LocalDate startDate, LocalDate endDate, Organisation responsibleLa,
                           List<String> matchedBy) {
}
