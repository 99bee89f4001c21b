package org.opencpis.domain.shared;

/**
 * A valid NHS number: exactly ten digits whose tenth is the Modulus 11 check digit of the first
 * nine (weights 10..2; a check of 11 is 0, a check of 10 makes the number invalid). Spaces are
 * ignored on input; the value is always the ten bare digits.
 */
public record NhsNumber(String value) {
    public static final String INVALID = "INVALID_NHS_NUMBER";

    public NhsNumber {
        if (!isValid(value)) {
            throw new DomainViolation(INVALID, "nhsNumber", "not a valid NHS number (10 digits, Modulus 11)");
        }
    }

    public static NhsNumber of(String raw) {
        if (raw == null) {
            throw new DomainViolation(INVALID, "nhsNumber", "NHS number is required");
        }
        return new NhsNumber(raw.replace(" ", ""));
    }

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
