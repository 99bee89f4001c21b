package org.opencpis.domain.shared;

import java.util.regex.Pattern;

/** A school's Unique Reference Number: six digits (888888 school unknown, 999999 home educated). */
public record SchoolUrn(String value) {
    public static final String INVALID = "INVALID_SCHOOL_URN";
    private static final Pattern FORMAT = Pattern.compile("\\d{6}");

    public SchoolUrn {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainViolation(INVALID, "schoolUrn", "a school URN is 6 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
