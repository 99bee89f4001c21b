package org.opencpis.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SchoolUrnTest {

    @ParameterizedTest
    @ValueSource(strings = {"100000", "888888", "999999", "012345"})
    void acceptsSixDigits(String urn) {
        assertEquals(urn, new SchoolUrn(urn).value());
        assertEquals(urn, new SchoolUrn(urn).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12345A", " 123456", "123 456"})
    @NullAndEmptySource
    void rejectsAnythingElse(String urn) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new SchoolUrn(urn));
        assertEquals(SchoolUrn.INVALID, violation.code());
        assertEquals("schoolUrn", violation.field());
    }
}
