package org.opencpis.domain.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators shared by the property tests: valid values built from their rules, and hostile strings. */
final class Generators {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private Generators() {
    }

    /** The Modulus 11 check digit of nine digits, or 10 when no check digit makes them a valid NHS number. */
    static int nhsCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    /** Every valid NHS number can come out: nine random digits and their check digit (those whose check is 10 are dropped). */
    static Arbitrary<String> validNhsNumbers() {
        return Arbitraries.strings().withChars(DIGITS).ofLength(9)
                .filter(nine -> nhsCheckDigit(nine) != 10)
                .map(nine -> nine + nhsCheckDigit(nine));
    }

    /**
     * Strings of every kind: any Unicode, digits and spaces near ten characters long, numbers with
     * non-ASCII digits, control characters, and very long ones.
     */
    static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars(DIGITS + " ").ofMinLength(8).ofMaxLength(14),
                Arbitraries.strings().withChars(DIGITS + " \t\n-+.").ofMaxLength(14),
                Arbitraries.strings().withChars("٠١٢٣٤٥٦٧٨٩０１２３４５６７８９" + DIGITS).ofLength(10),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(12),
                Arbitraries.strings().ascii().ofMinLength(1000).ofMaxLength(5000),
                Arbitraries.of("", " ", "null", "0000000000", "9999999999", "${jndi:ldap://x/a}", "' OR 1=1 --",
                        "<script>alert(1)</script>", "\uD800", "\uFEFF9434765919", "943476591\u0000"));
    }

    /** ODS codes as the rule defines them: 1 to 9 upper-case letters or digits. */
    static Arbitrary<String> validOdsCodes() {
        return Arbitraries.strings().withChars(LETTERS + DIGITS).ofMinLength(1).ofMaxLength(9);
    }

    /** UK postcodes in their normalised form: outward code {@code A9, A9A, A99, AA9, AA9A, AA99}, a space, inward {@code 9AA}. */
    static Arbitrary<String> normalisedPostcodes() {
        Arbitrary<String> area = Arbitraries.strings().withChars(LETTERS).ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> district = Combinators.combine(
                Arbitraries.strings().withChars(DIGITS).ofLength(1),
                Arbitraries.strings().withChars(LETTERS + DIGITS).ofMaxLength(1)).as(String::concat);
        Arbitrary<String> inward = Combinators.combine(
                Arbitraries.strings().withChars(DIGITS).ofLength(1),
                Arbitraries.strings().withChars(LETTERS).ofLength(2)).as(String::concat);
        return Combinators.combine(area, district, inward).as((a, d, i) -> a + d + " " + i);
    }
}
