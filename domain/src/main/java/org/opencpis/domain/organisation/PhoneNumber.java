package org.opencpis.domain.organisation;

import java.util.regex.Pattern;
import org.opencpis.domain.shared.DomainViolation;

/** A telephone number as dialled: digits with optional leading +, spaces, hyphens and brackets; 6 to 20 digits. */
public record PhoneNumber(String value) {
    public static final String INVALID = "INVALID_PHONE";
    private static final Pattern FORMAT = Pattern.compile("\\+?[0-9 ()\\-]{6,30}");

    public PhoneNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainViolation(INVALID, "phone", "not a telephone number");
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (digits < 6 || digits > 20) {
            throw new DomainViolation(INVALID, "phone", "a telephone number has 6 to 20 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
