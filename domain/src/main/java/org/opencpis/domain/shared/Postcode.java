package org.opencpis.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** A UK postcode, normalised to upper case with one space before the three-character inward code. */
public record Postcode(String value) {
    public static final String INVALID = "INVALID_POSTCODE";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");

    public Postcode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainViolation(INVALID, "postcode", "not a UK postcode");
        }
    }

    public static Postcode of(String raw) {
        if (raw == null) {
            throw new DomainViolation(INVALID, "postcode", "not a UK postcode");
        }
        String compact = SPACES.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            throw new DomainViolation(INVALID, "postcode", "not a UK postcode");
        }
        return new Postcode(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    }

    /** The outward code, e.g. {@code N1} of {@code N1 1AA}: the postcode district. */
    public String district() {
        return value.substring(0, value.indexOf(' '));
    }

    @Override
    public String toString() {
        return value;
    }
}
