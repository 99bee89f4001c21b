package org.opencpis.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.shared.DomainViolation;

class SequenceNumberTest {
    @Test
    void parsesWholeNumbers() {
        assertEquals(new SequenceNumber(0), SequenceNumber.parse("0"));
        assertEquals(new SequenceNumber(42), SequenceNumber.parse(" 42 "));
        assertEquals(new SequenceNumber(SequenceNumber.MAX), SequenceNumber.parse(Long.toString(SequenceNumber.MAX)));
        assertEquals("42", new SequenceNumber(42).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-1", "1.5", "1e3", "abc", "12a", "+5", "1000000000000000"})
    void refusesAnythingElse(String raw) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> SequenceNumber.parse(raw));
        assertEquals(SequenceNumber.INVALID, violation.code());
        assertEquals("sequenceNumber", violation.field());
    }

    @Test
    void refusesNegativeAndTooLargeValues() {
        assertThrows(DomainViolation.class, () -> new SequenceNumber(-1));
        assertThrows(DomainViolation.class, () -> new SequenceNumber(SequenceNumber.MAX + 1));
        assertThrows(DomainViolation.class, () -> SequenceNumber.parse(null));
    }
}
