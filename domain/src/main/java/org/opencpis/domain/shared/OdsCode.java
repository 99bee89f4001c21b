package org.opencpis.domain.shared;

import java.util.regex.Pattern;

/** An ODS organisation code: 1 to 9 upper-case letters or digits (local authorities are mostly 3 digits). */
public record OdsCode(String value) {
    public static final String INVALID = "INVALID_ODS_CODE";
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,9}");

    public OdsCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainViolation(INVALID, "odsCode", "an ODS code is 1 to 9 upper-case letters or digits");
        }
    }

    public static OdsCode of(String raw, String field) {
        try {
            return new OdsCode(raw);
        } catch (DomainViolation e) {
            throw new DomainViolation(INVALID, field, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
