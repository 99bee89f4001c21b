package org.opencpis.domain.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

/**
 * Free text that reaches the database (names, the local id, the mailbox password) never holds a
 * control character: PostgreSQL cannot store U+0000, and the others are a way to smuggle terminal
 * escapes into logs and screens. Anything else within the length limits is kept.
 */
class FreeTextPropertiesTest {
    private static final Subject SUBJECT = new Subject("Test", List.of("Child"), LocalDate.of(2015, 1, 1));

    @Property(tries = 500)
    void aLocalIdIsKeptOrRefusedWithItsOwnCode(@ForAll("text") String localId) {
        boolean acceptable = !localId.isBlank() && localId.length() <= 64 && localId.chars().noneMatch(Character::isISOControl);
        try {
            PlanDetails details = new PlanDetails(LocalDate.of(2024, 1, 1), null, null, SUBJECT, localId, null, null, null, null);
            assertTrue(acceptable, "accepted: " + escaped(localId));
            assertEquals(localId, details.localId());
        } catch (DomainViolation violation) {
            assertFalse(acceptable, "refused: " + escaped(localId));
            assertEquals("INVALID_LOCAL_ID", violation.code());
            assertEquals("localId", violation.field());
        }
    }

    @Property(tries = 500)
    void anOrganisationNameOrMailboxPasswordNeverHoldsAControlCharacter(@ForAll("text") String text) {
        boolean control = text.chars().anyMatch(Character::isISOControl);
        for (boolean asName : new boolean[] {true, false}) {
            try {
                Organisation organisation = new Organisation(new OdsCode("RXX"), asName ? text : "Test Trust",
                        OrganisationType.NHS_ORGANISATION, null, null, null, asName ? null : text);
                assertFalse(control, "accepted: " + escaped(text));
                assertTrue((asName ? organisation.name() : organisation.meshMailboxPassword()).chars()
                        .noneMatch(Character::isISOControl));
            } catch (DomainViolation violation) {
                assertEquals(asName ? "name" : "meshMailboxPassword", violation.field(), escaped(text));
            }
        }
    }

    @Property(tries = 500)
    void aNameNeverHoldsAControlCharacter(@ForAll("text") String name) {
        try {
            Subject subject = new Subject(name, List.of("Child"), LocalDate.of(2015, 1, 1));
            assertTrue(subject.familyName().chars().noneMatch(Character::isISOControl), escaped(name));
        } catch (DomainViolation violation) {
            assertTrue(List.of("MISSING_FIELD", "INVALID_NAME").contains(violation.code()), violation.code());
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(" -'.").ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("\u007f\u0085\u009b").ofMinLength(1).ofMaxLength(5)
                        .map(control -> "CASE" + control + "1"),
                Generators.hostileStrings());
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(80).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
