package org.opencpis.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "9000000009", "9990000018", "9990000026"})
    void acceptsWellKnownTestNumbers(String digits) {
        assertTrue(NhsNumber.isValid(digits));
        assertEquals(digits, new NhsNumber(digits).value());
    }

    @Test
    void checkOfElevenMeansCheckDigitZero() {
        // 9,9,9,0,0,0,0,0,5 weighted 10..2 sums to 253 = 11 * 23, so the check is 11, written 0
        assertTrue(NhsNumber.isValid("9990000050"));
        assertFalse(NhsNumber.isValid("9990000051"));
    }

    @Test
    void checkOfTenMakesEveryTenthDigitInvalid() {
        // 9,9,9,0,0,0,0,0,0 weighted sums to 243; 243 mod 11 = 1, so the check would be 10
        for (int last = 0; last <= 9; last++) {
            assertFalse(NhsNumber.isValid("999000000" + last), "999000000" + last);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "9000000000", "9990000019"})
    void rejectsWrongCheckDigit(String digits) {
        assertFalse(NhsNumber.isValid(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "943476591A", "A434765919", "943-476-59", "9434 76591", "+943476591", "９４３４７６５９１９"})
    @NullAndEmptySource
    void rejectsAnythingButTenDigits(String raw) {
        assertFalse(NhsNumber.isValid(raw));
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new NhsNumber(raw));
        assertEquals(NhsNumber.INVALID, violation.code());
        assertEquals("nhsNumber", violation.field());
    }

    @Test
    void ofRemovesSpaces() {
        assertEquals(new NhsNumber("9434765919"), NhsNumber.of("943 476 5919"));
        assertEquals("9434765919", NhsNumber.of(" 9434765919 ").value());
        assertEquals("9434765919", NhsNumber.of("943 476 5919").toString());
    }

    @Test
    void ofStillChecksTheDigits() {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> NhsNumber.of("943 476 5918"));
        assertEquals(NhsNumber.INVALID, violation.code());
    }

    @Test
    void ofRejectsNullWithTheSameCode() {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> NhsNumber.of(null));
        assertEquals(NhsNumber.INVALID, violation.code());
        assertEquals("nhsNumber", violation.field());
    }

    @Test
    void constructorDoesNotStripSpaces() {
        assertThrows(DomainViolation.class, () -> new NhsNumber("943 476 5919"));
    }
}
