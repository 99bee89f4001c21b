package org.opencpis.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.domain.shared.DomainViolation;

class SubjectTest {
    private static final LocalDate BORN = LocalDate.of(2015, 6, 30);

    @Test
    void trimsAndCollapsesWhitespaceInNames() {
        Subject subject = new Subject("  Smith   Jones ", List.of(" Amy ", "Mary\t Jane"), BORN);
        assertEquals("Smith Jones", subject.familyName());
        assertEquals(List.of("Amy", "Mary Jane"), subject.givenNames());
        assertEquals(BORN, subject.dateOfBirth());
    }

    @Test
    void keepsTheCaseOfNames() {
        assertEquals("McDONALD", new Subject("McDONALD", List.of("amy"), BORN).familyName());
    }

    @Test
    void givenNamesAreCopiedAndUnmodifiable() {
        List<String> names = new ArrayList<>(List.of("Amy"));
        Subject subject = new Subject("Smith", names, BORN);
        names.add("Jane");
        assertEquals(List.of("Amy"), subject.givenNames());
        assertThrows(UnsupportedOperationException.class, () -> subject.givenNames().add("Jane"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "\t"})
    @NullAndEmptySource
    void familyNameIsRequired(String familyName) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new Subject(familyName, List.of("Amy"), BORN));
        assertEquals("MISSING_FIELD", violation.code());
        assertEquals("familyName", violation.field());
    }

    @Test
    void atLeastOneGivenNameIsRequired() {
        assertEquals("givenNames", assertThrows(DomainViolation.class, () -> new Subject("Smith", null, BORN)).field());
        assertEquals("givenNames", assertThrows(DomainViolation.class, () -> new Subject("Smith", List.of(), BORN)).field());
        DomainViolation blank = assertThrows(DomainViolation.class, () -> new Subject("Smith", List.of("Amy", " "), BORN));
        assertEquals("MISSING_FIELD", blank.code());
        assertEquals("givenNames", blank.field());
        DomainViolation nullName = assertThrows(DomainViolation.class,
                () -> new Subject("Smith", Arrays.asList("Amy", null), BORN));
        assertEquals("givenNames", nullName.field());
    }

    @Test
    void dateOfBirthIsRequired() {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new Subject("Smith", List.of("Amy"), null));
        assertEquals("MISSING_FIELD", violation.code());
        assertEquals("dateOfBirth", violation.field());
    }

    @Test
    void namesAreAtMost100PrintableCharactersAfterTrimming() {
        String hundred = "A".repeat(100);
        assertEquals(hundred, new Subject("  " + hundred + "  ", List.of("Amy"), BORN).familyName());

        DomainViolation tooLong = assertThrows(DomainViolation.class, () -> new Subject("A".repeat(101), List.of("Amy"), BORN));
        assertEquals("INVALID_NAME", tooLong.code());
        assertEquals("familyName", tooLong.field());

        DomainViolation control = assertThrows(DomainViolation.class, () -> new Subject("Smith", List.of("A\u0000my"), BORN));
        assertEquals("INVALID_NAME", control.code());
        assertEquals("givenNames", control.field());
    }
}
