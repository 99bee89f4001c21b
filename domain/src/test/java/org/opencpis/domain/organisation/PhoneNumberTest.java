package org.opencpis.domain.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.domain.shared.DomainViolation;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"020 7527 2000", "+44 (0)20 7527 2000", "0207-527-7400", "123456", "12345678901234567890"})
    void acceptsNumbersAsDialled(String raw) {
        assertEquals(raw, new PhoneNumber(raw).value());
        assertEquals(raw, new PhoneNumber(raw).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12345",                 // too few digits
            "123456789012345678901", // too many digits
            "      ",                // six characters, no digits
            "( ) - ( ) -",           // punctuation only
            "020 7527 2000 ext 4",   // letters
            "++44 20 7527 2000",     // two plus signs
            "020 7527+2000",         // plus not leading
            "020.7527.2000"})        // dots
    @NullAndEmptySource
    void rejectsWhatCannotBeDialled(String raw) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new PhoneNumber(raw));
        assertEquals(PhoneNumber.INVALID, violation.code());
        assertEquals("phone", violation.field());
    }
}
