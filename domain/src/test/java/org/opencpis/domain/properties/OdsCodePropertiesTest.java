package org.opencpis.domain.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.SchoolUrn;

/** ODS codes and school URNs: accepted exactly when they fit their format, kept as given, else their own code. */
class OdsCodePropertiesTest {

    @Property(tries = 500)
    void everyValidOdsCodeRoundTrips(@ForAll("validOdsCodes") String raw) {
        OdsCode code = OdsCode.of(raw, "org");
        assertEquals(raw, code.value());
        assertEquals(raw, code.toString());
        assertEquals(code, new OdsCode(code.value()));
    }

    @Property(tries = 500)
    void anOdsCodeIsNeverGuessedFromSomethingElse(@ForAll("hostileOrOdsLike") String raw) {
        boolean fits = raw.matches("[A-Z0-9]{1,9}");
        try {
            OdsCode code = OdsCode.of(raw, "gpPracticeOdsCode");
            assertEquals(true, fits, raw);
            assertEquals(raw, code.value());
        } catch (DomainViolation violation) {
            assertEquals(false, fits, raw);
            assertEquals(OdsCode.INVALID, violation.code());
            assertEquals("gpPracticeOdsCode", violation.field(), "the caller's field is reported");
        }
    }

    @Property(tries = 300)
    void lowerCaseIsNotFoldedIntoACode(@ForAll("validOdsCodes") String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.equals(raw)) {
            return;
        }
        assertEquals(OdsCode.INVALID, assertThrows(DomainViolation.class, () -> OdsCode.of(lower, "org")).code());
    }

    @Property(tries = 500)
    void everySixDigitUrnRoundTrips(@ForAll("sixDigits") String raw) {
        SchoolUrn urn = new SchoolUrn(raw);
        assertEquals(raw, urn.value());
        assertEquals(raw, urn.toString());
    }

    @Property(tries = 500)
    void aSchoolUrnIsExactlySixAsciiDigits(@ForAll("hostileOrUrnLike") String raw) {
        boolean fits = raw.matches("[0-9]{6}");
        try {
            assertEquals(raw, new SchoolUrn(raw).value());
            assertEquals(true, fits, raw);
        } catch (DomainViolation violation) {
            assertEquals(false, fits, raw);
            assertEquals(SchoolUrn.INVALID, violation.code());
            assertEquals("schoolUrn", violation.field());
        }
    }

    @Provide
    Arbitrary<String> validOdsCodes() {
        return Generators.validOdsCodes();
    }

    @Provide
    Arbitrary<String> hostileOrOdsLike() {
        return Arbitraries.oneOf(Generators.hostileStrings(), Generators.validOdsCodes(),
                Arbitraries.strings().withChars("ABCXYZabcxyz0189 -_.").ofMinLength(0).ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> sixDigits() {
        return Arbitraries.strings().numeric().ofLength(6);
    }

    @Provide
    Arbitrary<String> hostileOrUrnLike() {
        return Arbitraries.oneOf(Generators.hostileStrings(), sixDigits(),
                Arbitraries.strings().withChars("0123456789 ٣０").ofMinLength(4).ofMaxLength(8));
    }
}
