package org.opencpis.domain.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;

/**
 * NHS numbers: every valid number is kept exactly, the Modulus 11 check digit catches every
 * single-digit error and every transposition, and no input makes validation throw anything but
 * {@code INVALID_NHS_NUMBER}.
 */
class NhsNumberPropertiesTest {

    @Property(tries = 500)
    void everyValidNumberRoundTrips(@ForAll("validNhsNumbers") String digits) {
        assertTrue(NhsNumber.isValid(digits));
        NhsNumber number = new NhsNumber(digits);
        assertEquals(digits, number.value());
        assertEquals(digits, number.toString());
        assertEquals(number, NhsNumber.of(digits));
        assertEquals(number, NhsNumber.of(digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)),
                "the usual 3-3-4 spacing is read as the same number");
        assertEquals(number, new NhsNumber(number.value()));
    }

    /** Weights 10..2 and the check digit's weight 1 are all non-zero modulo the prime 11: any one changed digit shows. */
    @Property(tries = 500)
    void everySingleDigitChangeIsRejected(@ForAll("validNhsNumbers") String digits,
                                          @ForAll @IntRange(min = 0, max = 9) int position,
                                          @ForAll @IntRange(min = 1, max = 9) int shift) {
        char original = digits.charAt(position);
        char changed = (char) ('0' + (original - '0' + shift) % 10);
        String mistyped = digits.substring(0, position) + changed + digits.substring(position + 1);

        assertFalse(NhsNumber.isValid(mistyped), mistyped + " differs from " + digits + " in one digit");
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new NhsNumber(mistyped));
        assertEquals(NhsNumber.INVALID, violation.code());
        assertEquals("nhsNumber", violation.field());
    }

    /** Swapping two different digits changes the sum by (difference of weights) x (difference of digits), never a multiple of 11. */
    @Property(tries = 500)
    void everyTranspositionOfTwoDifferentDigitsIsRejected(@ForAll("validNhsNumbers") String digits,
                                                          @ForAll @IntRange(min = 0, max = 9) int first,
                                                          @ForAll @IntRange(min = 0, max = 9) int second) {
        if (digits.charAt(first) == digits.charAt(second)) {
            return;
        }
        char[] swapped = digits.toCharArray();
        swapped[first] = digits.charAt(second);
        swapped[second] = digits.charAt(first);
        assertFalse(NhsNumber.isValid(new String(swapped)), new String(swapped) + " swaps two digits of " + digits);
    }

    @Property(tries = 500)
    void anyStringIsEitherAValidNumberOrInvalidNhsNumber(@ForAll("hostileStrings") String raw) {
        boolean valid = NhsNumber.isValid(raw);
        assertEquals(raw.matches("[0-9]{10}") && checks(raw), valid, raw);
        try {
            NhsNumber number = NhsNumber.of(raw);
            assertTrue(number.value().matches("[0-9]{10}"), number.value());
            assertTrue(NhsNumber.isValid(number.value()));
            assertEquals(raw.replace(" ", ""), number.value(), "only spaces are removed");
        } catch (DomainViolation violation) {
            assertEquals(NhsNumber.INVALID, violation.code());
            assertEquals("nhsNumber", violation.field());
            assertFalse(raw.strip().length() >= 5 && violation.getMessage().contains(raw), "the message does not echo the input");
        }
    }

    @Example
    void nullIsInvalidNhsNumberToo() {
        String raw = null;
        assertFalse(NhsNumber.isValid(raw));
        assertEquals(NhsNumber.INVALID, assertThrows(DomainViolation.class, () -> NhsNumber.of(raw)).code());
        assertEquals(NhsNumber.INVALID, assertThrows(DomainViolation.class, () -> new NhsNumber(raw)).code());
    }

    private static boolean checks(String tenDigits) {
        int check = Generators.nhsCheckDigit(tenDigits.substring(0, 9));
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }

    @Provide
    Arbitrary<String> validNhsNumbers() {
        return Generators.validNhsNumbers();
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(Generators.hostileStrings(), Generators.validNhsNumbers(),
                Generators.validNhsNumbers().map(n -> " " + n.substring(0, 5) + "  " + n.substring(5) + " "));
    }
}
