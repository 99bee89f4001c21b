package org.opencpis.domain.cohort;

import java.util.Objects;

/**
 * One thing that places a child in a cohort: a school, a GP practice, a postcode district or a
 * responsible local authority, by its code. Cohorts list criteria; records carry their placement
 * as criteria; a record matches a cohort when the two share one.
 */
public record Criterion(Kind kind, String value) {
    public Criterion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** How the criterion is named in {@code matchedBy}: e.g. {@code schoolUrn:100001}. */
    public String label() {
        return kind.label + ":" + value;
    }

    public enum Kind {
        SCHOOL_URN("schoolUrn"),
        GP_PRACTICE("gpPractice"),
        POSTCODE_DISTRICT("postcodeDistrict"),
        LOCAL_AUTHORITY("localAuthority");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }
}
