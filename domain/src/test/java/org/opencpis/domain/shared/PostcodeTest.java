package org.opencpis.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @ParameterizedTest
    @CsvSource({
            "n11aa,     N1 1AA",
            "SW1A1AA,   SW1A 1AA",
            "sw1a 1aa,  SW1A 1AA",
            "' M1  1AE ', M1 1AE",
            "ec1a1bb,   EC1A 1BB",
            "B338TH,    B33 8TH",
            "cr26xh,    CR2 6XH",
            "DN551PT,   DN55 1PT",
            "W1A0AX,    W1A 0AX"})
    void normalisesToUpperCaseWithOneSpaceBeforeTheInwardCode(String raw, String normalised) {
        assertEquals(normalised, Postcode.of(raw).value());
        assertEquals(normalised, Postcode.of(raw).toString());
    }

    @ParameterizedTest
    @CsvSource({
            "N1 1AA,   N1",
            "SW1A 1AA, SW1A",
            "B33 8TH,  B33",
            "DN55 1PT, DN55"})
    void districtIsTheOutwardCode(String postcode, String district) {
        assertEquals(district, Postcode.of(postcode).district());
    }

    @ParameterizedTest
    @ValueSource(strings = {"N1", "1AA", "N11A", "SW1A1AAA", "NN11AAA", "11 1AA", "N1 AAA", "N1 1A1", "N1-1AA", "ÑN1 1AA", "   "})
    @NullAndEmptySource
    void rejectsWhatIsNotAPostcode(String raw) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> Postcode.of(raw));
        assertEquals(Postcode.INVALID, violation.code());
        assertEquals("postcode", violation.field());
    }

    @Test
    void constructorWantsTheNormalisedForm() {
        assertEquals("N1 1AA", new Postcode("N1 1AA").value());
        assertThrows(DomainViolation.class, () -> new Postcode("n1 1aa"));
        assertThrows(DomainViolation.class, () -> new Postcode("N11AA"));
        assertThrows(DomainViolation.class, () -> new Postcode("N1  1AA"));
    }
}
