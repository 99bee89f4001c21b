package org.opencpis.adapters.spine.pds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.adapters.spine.pds.PdsRecords.BORN;
import static org.opencpis.adapters.spine.pds.PdsRecords.REPLACEMENT;
import static org.opencpis.adapters.spine.pds.PdsRecords.held;
import static org.opencpis.adapters.spine.pds.PdsRecords.uploaded;
import static org.opencpis.adapters.spine.pds.PdsRecords.uploadedAsHeld;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;

class PdsMatcherTest {
    private final PdsMatcher matcher = new PdsMatcher(UnknownNumbers.MATCH);

    private Verification verifyActive(Subject uploaded) {
        return matcher.verify(held(PdsStatus.ACTIVE), uploaded);
    }

    private static void assertNoDemographicsIn(Verification verification) {
        String detail = verification.detail();
        for (String value : List.of("Quillfeather", "quillfeather", "Amy", "Jane", "Smith", "2015", "30/06", "06-30")) {
            assertFalse(detail.contains(value), () -> "detail '" + detail + "' echoes " + value);
        }
    }

    @Nested
    class Outcomes {

        @Test
        void unknownNumberUnderMatchIsVerified() {
            Verification verification = new PdsMatcher(UnknownNumbers.MATCH).verify(null, uploadedAsHeld());
            assertEquals(RecordOutcome.CPR06, verification.outcome());
            assertTrue(verification.isVerified());
            assertNull(verification.supersededBy());
            assertTrue(verification.detail().contains("not in the PDS stub fixture"), verification.detail());
        }

        @Test
        void unknownNumberUnderNoMatchIsCpr01() {
            Verification verification = new PdsMatcher(UnknownNumbers.NO_MATCH).verify(null, uploadedAsHeld());
            assertEquals(RecordOutcome.CPR01, verification.outcome());
            assertFalse(verification.isVerified());
            assertEquals(PdsMatcher.NOT_IN_PDS, verification.detail());
        }

        @Test
        void theUnknownSettingDoesNotAffectKnownNumbers() {
            Verification verification = new PdsMatcher(UnknownNumbers.NO_MATCH).verify(held(PdsStatus.ACTIVE), uploadedAsHeld());
            assertEquals(RecordOutcome.CPR06, verification.outcome());
        }

        @Test
        void sensitiveRecordIsCpr02() {
            Verification verification = matcher.verify(held(PdsStatus.SENSITIVE), uploadedAsHeld());
            assertEquals(RecordOutcome.CPR02, verification.outcome());
            assertNull(verification.supersededBy());
            assertEquals(PdsMatcher.SENSITIVE, verification.detail());
        }

        @Test
        void demographicsMismatchIsCpr03() {
            Verification verification = verifyActive(uploaded("Smith", List.of("Amy"), BORN));
            assertEquals(RecordOutcome.CPR03, verification.outcome());
            assertNull(verification.supersededBy());
        }

        @Test
        void oldStyleNumberIsCpr04() {
            Verification verification = matcher.verify(held(PdsStatus.OLD_STYLE), uploadedAsHeld());
            assertEquals(RecordOutcome.CPR04, verification.outcome());
            assertEquals(PdsMatcher.OLD_STYLE, verification.detail());
        }

        @Test
        void supersededNumberIsCpr05WithItsReplacement() {
            Verification verification = matcher.verify(held(PdsStatus.SUPERSEDED), uploadedAsHeld());
            assertEquals(RecordOutcome.CPR05, verification.outcome());
            assertEquals(REPLACEMENT, verification.supersededBy());
            assertEquals(PdsMatcher.SUPERSEDED, verification.detail());
        }

        @Test
        void matchingActiveRecordIsCpr06() {
            Verification verification = verifyActive(uploadedAsHeld());
            assertEquals(RecordOutcome.CPR06, verification.outcome());
            assertTrue(verification.isVerified());
            assertNull(verification.supersededBy());
            assertEquals(PdsMatcher.VERIFIED, verification.detail());
        }

        @Test
        void numberKnownOnlyByNumberAcceptsAnyDemographics() {
            PdsRecord numberOnly = PdsRecord.supersededNumberOnly(PdsRecords.NUMBER, REPLACEMENT);
            Verification verification = new PdsMatcher(UnknownNumbers.NO_MATCH)
                    .verify(numberOnly, uploaded("Anyone", List.of("Else"), BORN.minusYears(3)));
            assertEquals(RecordOutcome.CPR05, verification.outcome());
            assertEquals(REPLACEMENT, verification.supersededBy());
        }
    }

    @Nested
    class Order {
        private final Subject wrongName = uploaded("Smith", List.of("Amy"), BORN);

        @Test
        void oldStyleComesBeforeDemographics() {
            assertEquals(RecordOutcome.CPR04, matcher.verify(held(PdsStatus.OLD_STYLE), wrongName).outcome());
        }

        @Test
        void demographicsComeBeforeSensitivity() {
            assertEquals(RecordOutcome.CPR03, matcher.verify(held(PdsStatus.SENSITIVE), wrongName).outcome());
        }

        @Test
        void demographicsComeBeforeSupersession() {
            Verification verification = matcher.verify(held(PdsStatus.SUPERSEDED), wrongName);
            assertEquals(RecordOutcome.CPR03, verification.outcome());
            assertNull(verification.supersededBy(), "the replacement is not revealed for unverified demographics");
        }
    }

    @Nested
    class FamilyNameAndDateOfBirth {

        @ParameterizedTest
        @ValueSource(strings = {"Quillfeather", "QUILLFEATHER", "quillfeather", "  qUiLlFeAtHeR  "})
        void familyNameIgnoresCaseAndSurroundingWhitespace(String familyName) {
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded(familyName, List.of("Amy"), BORN)).outcome());
        }

        @Test
        void familyNameCollapsesInnerWhitespaceOnBothSides() {
            PdsRecord doubleBarrelled = new PdsRecord(PdsRecords.NUMBER,
                    new Subject("Van  Der Berg", List.of("Amy"), BORN), PdsStatus.ACTIVE, null, null, null);
            assertEquals(RecordOutcome.CPR06,
                    matcher.verify(doubleBarrelled, uploaded(" van der\tberg ", List.of("Amy"), BORN)).outcome());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Quillfeathers", "Quill", "Quill feather", "Smith"})
        void aDifferentFamilyNameIsCpr03(String familyName) {
            Verification verification = verifyActive(uploaded(familyName, List.of("Amy"), BORN));
            assertEquals(RecordOutcome.CPR03, verification.outcome());
            assertEquals("NHS number not verified: demographics do not match PDS (family name)", verification.detail());
        }

        @Test
        void dateOfBirthMustBeExact() {
            Verification dayLater = verifyActive(uploaded("Quillfeather", List.of("Amy"), BORN.plusDays(1)));
            assertEquals(RecordOutcome.CPR03, dayLater.outcome());
            assertEquals("NHS number not verified: demographics do not match PDS (date of birth)", dayLater.detail());
            assertEquals(RecordOutcome.CPR03, verifyActive(uploaded("Quillfeather", List.of("Amy"), BORN.minusYears(1))).outcome());
        }

        @Test
        void theDetailNamesEveryMismatchedFieldButNoValue() {
            Verification verification = verifyActive(uploaded("Smith", List.of("Zoe"), BORN.plusDays(1)));
            assertEquals(RecordOutcome.CPR03, verification.outcome());
            assertEquals("NHS number not verified: demographics do not match PDS (family name, given names, date of birth)",
                    verification.detail());
            assertNoDemographicsIn(verification);
        }
    }

    @Nested
    class GivenNames {

        @Test
        void allGivenNamesMatch() {
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded("Quillfeather", List.of("Amy", "Jane"), BORN)).outcome());
        }

        @Test
        void theFirstGivenNameAloneMatches() {
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded("Quillfeather", List.of("Amy"), BORN)).outcome());
        }

        @Test
        void anyOneGivenNameMatches() {
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded("Quillfeather", List.of("Jane"), BORN)).outcome());
        }

        @Test
        void oneSharedNameAmongOthersMatches() {
            assertEquals(RecordOutcome.CPR06,
                    verifyActive(uploaded("Quillfeather", List.of("Lucy", "Jane", "Rose"), BORN)).outcome());
        }

        @ParameterizedTest
        @ValueSource(strings = {"AMY", "amy", "aMy", "JANE"})
        void givenNamesIgnoreCase(String givenName) {
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded("Quillfeather", List.of(givenName), BORN)).outcome());
        }

        @Test
        void anUploadedStringOfSeveralNamesIsSplitOnWhitespace() {
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded("Quillfeather", List.of("Lucy Jane"), BORN)).outcome());
            assertEquals(RecordOutcome.CPR06, verifyActive(uploaded("Quillfeather", List.of("amy\tLucy"), BORN)).outcome());
        }

        @Test
        void aPdsStringOfSeveralNamesIsSplitOnWhitespace() {
            PdsRecord maryJane = new PdsRecord(PdsRecords.NUMBER,
                    new Subject("Quillfeather", List.of("Mary Jane"), BORN), PdsStatus.ACTIVE, null, null, null);
            assertEquals(RecordOutcome.CPR06, matcher.verify(maryJane, uploaded("Quillfeather", List.of("jane"), BORN)).outcome());
            assertEquals(RecordOutcome.CPR06, matcher.verify(maryJane, uploaded("Quillfeather", List.of("Mary"), BORN)).outcome());
        }

        @Test
        void noSharedGivenNameIsCpr03() {
            Verification verification = verifyActive(uploaded("Quillfeather", List.of("Zoe", "Lucy"), BORN));
            assertEquals(RecordOutcome.CPR03, verification.outcome());
            assertEquals("NHS number not verified: demographics do not match PDS (given names)", verification.detail());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Am", "Amy-Jane", "AmyJane", "Janet"})
        void partsOfNamesDoNotMatch(String givenName) {
            assertEquals(RecordOutcome.CPR03, verifyActive(uploaded("Quillfeather", List.of(givenName), BORN)).outcome());
        }

        @Test
        void shareANameIsSymmetric() {
            assertTrue(PdsMatcher.shareAName(List.of("Mary Jane"), List.of("JANE")));
            assertTrue(PdsMatcher.shareAName(List.of("JANE"), List.of("Mary Jane")));
            assertFalse(PdsMatcher.shareAName(List.of("Mary"), List.of("Jane")));
        }
    }

    @Nested
    class UnknownSetting {

        @ParameterizedTest
        @ValueSource(strings = {"match", "MATCH", " Match ", ""})
        void matchIsTheDefaultAndIgnoresCase(String raw) {
            assertEquals(UnknownNumbers.MATCH, UnknownNumbers.parse(raw));
        }

        @Test
        void absentMeansMatch() {
            assertEquals(UnknownNumbers.MATCH, UnknownNumbers.parse(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"no-match", "NO-MATCH", " No-Match "})
        void noMatchIgnoresCase(String raw) {
            assertEquals(UnknownNumbers.NO_MATCH, UnknownNumbers.parse(raw));
        }

        @ParameterizedTest
        @ValueSource(strings = {"nomatch", "no_match", "maybe", "true"})
        void anythingElseIsAConfigurationError(String raw) {
            PdsStubConfigurationException error = assertThrows(PdsStubConfigurationException.class, () -> UnknownNumbers.parse(raw));
            assertTrue(error.getMessage().contains("OPENCPIS_PDS_UNKNOWN"), error.getMessage());
            assertTrue(error.getMessage().contains("'match' or 'no-match'"), error.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(PdsStatus.class)
    void noDetailEchoesDemographics(PdsStatus status) {
        assertNoDemographicsIn(matcher.verify(held(status), uploadedAsHeld()));
        assertNoDemographicsIn(matcher.verify(held(status), uploaded("Smith", List.of("Zoe"), BORN.plusDays(1))));
    }

    @Test
    void noDetailForAnUnknownNumberEchoesDemographics() {
        assertNoDemographicsIn(new PdsMatcher(UnknownNumbers.MATCH).verify(null, uploadedAsHeld()));
        assertNoDemographicsIn(new PdsMatcher(UnknownNumbers.NO_MATCH).verify(null, uploadedAsHeld()));
    }

    @Test
    void aPdsRecordNeverPrintsItsDemographics() {
        String printed = held(PdsStatus.ACTIVE).toString();
        assertFalse(printed.contains("Quillfeather") || printed.contains("Amy") || printed.contains("2015"), printed);
    }
}
