package org.opencpis.domain.cohort;

import java.util.List;
import org.opencpis.domain.shared.NhsNumber;

/** What changed in a cohort between two cursors: joiners (with their records) and leavers. */
public record CohortChanges(CohortId cohortId, List<CohortMember> joined, List<NhsNumber> left, long cursor) {
    public boolean isEmpty() {
        return joined.isEmpty() && left.isEmpty();
    }
}
