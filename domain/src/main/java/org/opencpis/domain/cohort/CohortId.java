package org.opencpis.domain.cohort;

import java.util.regex.Pattern;
import org.opencpis.domain.shared.DomainViolation;

/** A cohort's id, chosen by the administrator: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
public record CohortId(String value) {
    public static final String INVALID = "INVALID_COHORT_ID";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public CohortId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainViolation(INVALID, "cohortId", "a cohort id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
