package org.opencpis.domain.cohort;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.Postcode;

/** A postcode district: the outward code of a UK postcode, such as {@code N1} or {@code SW1A}, in upper case. */
public record PostcodeDistrict(String value) {
    public static final String INVALID = "INVALID_POSTCODE_DISTRICT";
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

    public PostcodeDistrict {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainViolation(INVALID, "postcodeDistricts", "a postcode district is an outward code such as N1 or SW1A");
        }
    }

    /** Parses a district as typed: surrounding whitespace ignored, any case. */
    public static PostcodeDistrict of(String raw) {
        return new PostcodeDistrict(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    public static PostcodeDistrict of(Postcode postcode) {
        return new PostcodeDistrict(postcode.district());
    }

    @Override
    public String toString() {
        return value;
    }
}
