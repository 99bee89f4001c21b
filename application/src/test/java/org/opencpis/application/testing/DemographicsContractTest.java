package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/**
 * What every {@link Demographics} adapter must do (DOMAIN.md, "Verifying the NHS number"): answer
 * each NHS number with the national CPR code for what PDS holds, match demographics tolerantly on
 * given names and exactly on family name and date of birth, name the new number of a superseded
 * one, never place a sensitive (restricted) person, and never echo demographics in a detail.
 *
 * <p>An implementation arranges PDS's world with the {@code given*} methods, which each test calls
 * before it asks for {@link #demographics()} (the adapter over that world). Adapters that can also
 * be cut off from PDS run {@link DemographicsOutageContractTest}, which adds that promise.
 */
public abstract class DemographicsContractTest {
    protected static final NhsNumber ACTIVE = TestData.nhsNumber(101);
    protected static final NhsNumber OTHER_ACTIVE = TestData.nhsNumber(102);
    protected static final NhsNumber SENSITIVE = TestData.nhsNumber(103);
    protected static final NhsNumber SUPERSEDED = TestData.nhsNumber(104);
    protected static final NhsNumber REPLACEMENT = TestData.nhsNumber(105);
    protected static final NhsNumber OLD_STYLE = TestData.nhsNumber(106);
    protected static final NhsNumber UNKNOWN = TestData.nhsNumber(107);

    protected static final LocalDate BORN = LocalDate.of(2015, 6, 30);
    protected static final Subject AMY = new Subject("Quillfeather", List.of("Amy", "Jane"), BORN);
    protected static final Subject BEN = new Subject("Ashgrove", List.of("Ben"), LocalDate.of(2016, 2, 29));
    protected static final Placement PLACED = new Placement(new OdsCode("Y01234"), Postcode.of("N1 1AA"));

    /** PDS holds an ordinary, current record for the number, with this GP practice and home postcode. */
    protected abstract void givenActive(NhsNumber nhsNumber, Subject held, Placement placement);

    /** PDS holds a restricted (S-flag) record; it has a placement that must never be given out. */
    protected abstract void givenSensitive(NhsNumber nhsNumber, Subject held, Placement placement);

    /** PDS holds {@code replacement} in place of {@code old}, with these demographics. */
    protected abstract void givenSuperseded(NhsNumber old, NhsNumber replacement, Subject held);

    /** PDS does not take the number as a current NHS number (old-style). */
    protected abstract void givenOldStyle(NhsNumber nhsNumber);

    /** PDS holds nothing for the number. */
    protected abstract void givenUnknown(NhsNumber nhsNumber);

    /** The adapter under test, over the world arranged so far; called once per test, after the {@code given*} calls. */
    protected abstract Demographics demographics();

    private static Subject subject(String familyName, List<String> givenNames, LocalDate born) {
        return new Subject(familyName, givenNames, born);
    }

    protected static void assertNoDemographicsIn(Verification verification, Subject... subjects) {
        assertNotNull(verification.detail(), "a verification carries a detail");
        String detail = verification.detail().toLowerCase();
        for (Subject subject : subjects) {
            assertFalse(detail.contains(subject.familyName().toLowerCase()), "detail names the family name");
            subject.givenNames().forEach(given -> assertFalse(detail.contains(given.toLowerCase()), "detail names a given name"));
            assertFalse(detail.contains(subject.dateOfBirth().toString()), "detail gives the date of birth");
        }
    }

    @Test
    void anActiveRecordWithMatchingDemographicsIsVerifiedAndPlaced() {
        givenActive(ACTIVE, AMY, PLACED);

        Verification verification = demographics().verify(ACTIVE, AMY);

        assertEquals(RecordOutcome.CPR06, verification.outcome());
        assertTrue(verification.isVerified());
        assertNull(verification.supersededBy());
        assertEquals(PLACED, verification.placement());
        assertNoDemographicsIn(verification, AMY);
    }

    @Test
    void givenNamesMatchTolerantly() {
        givenActive(ACTIVE, AMY, PLACED);
        Demographics pds = demographics();

        assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Quillfeather", List.of("Amy"), BORN)).outcome(), "first only");
        assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Quillfeather", List.of("Jane"), BORN)).outcome(), "second only");
        assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("  QUILLFEATHER ", List.of("amy  jane"), BORN)).outcome(),
                "case and whitespace");
        assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Quillfeather", List.of("Zoe", "Jane"), BORN)).outcome(),
                "any given name");
    }

    @Test
    void aDifferentFamilyNameIsNotVerified() {
        givenActive(ACTIVE, AMY, PLACED);
        Subject uploaded = subject("Smith", List.of("Amy"), BORN);

        Verification verification = demographics().verify(ACTIVE, uploaded);

        assertEquals(RecordOutcome.CPR03, verification.outcome());
        assertFalse(verification.isVerified());
        assertNoDemographicsIn(verification, AMY, uploaded);
    }

    @Test
    void aDifferentDateOfBirthIsNotVerified() {
        givenActive(ACTIVE, AMY, PLACED);
        Subject uploaded = subject("Quillfeather", List.of("Amy"), BORN.plusDays(1));

        Verification verification = demographics().verify(ACTIVE, uploaded);

        assertEquals(RecordOutcome.CPR03, verification.outcome());
        assertNoDemographicsIn(verification, AMY, uploaded);
    }

    @Test
    void noSharedGivenNameIsNotVerified() {
        givenActive(ACTIVE, AMY, PLACED);

        assertEquals(RecordOutcome.CPR03, demographics().verify(ACTIVE, subject("Quillfeather", List.of("Zoe"), BORN)).outcome());
    }

    @Test
    void eachNumberIsAnsweredFromItsOwnRecord() {
        givenActive(ACTIVE, AMY, PLACED);
        givenActive(OTHER_ACTIVE, BEN, Placement.NONE);
        Demographics pds = demographics();

        assertEquals(RecordOutcome.CPR06, pds.verify(OTHER_ACTIVE, BEN).outcome());
        assertEquals(Placement.NONE, pds.verify(OTHER_ACTIVE, BEN).placement());
        assertEquals(RecordOutcome.CPR03, pds.verify(OTHER_ACTIVE, AMY).outcome());
        assertEquals(RecordOutcome.CPR03, pds.verify(ACTIVE, BEN).outcome());
    }

    @Test
    void aSensitiveRecordIsRefusedAndNeverPlaced() {
        givenSensitive(SENSITIVE, BEN, PLACED);

        Verification verification = demographics().verify(SENSITIVE, BEN);

        assertEquals(RecordOutcome.CPR02, verification.outcome());
        assertFalse(verification.isVerified());
        assertEquals(Placement.NONE, verification.placement(), "a restricted record's whereabouts are never given out");
        assertNoDemographicsIn(verification, BEN);
    }

    @Test
    void aSupersededNumberNamesItsReplacement() {
        givenSuperseded(SUPERSEDED, REPLACEMENT, AMY);

        Verification verification = demographics().verify(SUPERSEDED, AMY);

        assertEquals(RecordOutcome.CPR05, verification.outcome());
        assertFalse(verification.isVerified());
        assertEquals(REPLACEMENT, verification.supersededBy());
    }

    @Test
    void aSupersededNumberWithOtherDemographicsIsNotVerified() {
        givenSuperseded(SUPERSEDED, REPLACEMENT, AMY);

        assertEquals(RecordOutcome.CPR03, demographics().verify(SUPERSEDED, BEN).outcome());
    }

    @Test
    void anOldStyleNumberIsRefused() {
        givenOldStyle(OLD_STYLE);

        Verification verification = demographics().verify(OLD_STYLE, AMY);

        assertEquals(RecordOutcome.CPR04, verification.outcome());
        assertNull(verification.supersededBy());
    }

    @Test
    void anUnknownNumberHasNoMatch() {
        givenActive(ACTIVE, AMY, PLACED);
        givenUnknown(UNKNOWN);

        Verification verification = demographics().verify(UNKNOWN, AMY);

        assertEquals(RecordOutcome.CPR01, verification.outcome());
        assertEquals(Placement.NONE, verification.placement());
        assertNoDemographicsIn(verification, AMY);
    }
}
