package org.opencpis.domain.cohort;

import java.util.Objects;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

/** A 0-19 service's cohort: the children with a visible record matching any of its criteria. */
public record Cohort(CohortId id, OdsCode owner, String name, CohortCriteria criteria) {
    public static final int MAX_NAME = 200;

    public Cohort {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(criteria, "criteria");
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainViolation("INVALID_COHORT_NAME", "name", "a name is 1 to " + MAX_NAME + " printable characters");
        }
    }
}
