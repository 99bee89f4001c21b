package org.opencpis.application.cohort.port.in;

import java.time.Instant;
import java.util.List;
import org.opencpis.domain.cohort.CohortMember;

/** A cohort's members as of an instant, one entry per matching visible record. */
public record CohortMembers(Instant asOf, List<CohortMember> members) {
}
