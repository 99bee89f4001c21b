package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/** The Demographics kit fails deliberately broken adapters, each on the promise it breaks. */
class DemographicsContractTestCatchesBrokenAdaptersTest {

    @Test
    void theKitPassesTheStub() {
        KitRun run = KitRun.of(StubDemographicsTest.class);
        assertEquals(List.of(), run.failed());
        assertTrue(run.passed().size() >= 13, () -> "ran " + run.passed());
    }

    @Test
    void anAdapterThatAnswersWhenPdsIsDownIsCaught() {
        KitRun run = KitRun.of(AnswersWhenDown.class);
        assertEquals(List.of("anUnreachablePdsGivesNoVerdictOfAnyKind", "anUnreachablePdsNeverVerifies"), run.failed());
    }

    @Test
    void anAdapterThatIgnoresTheDemographicsIsCaught() {
        KitRun run = KitRun.of(IgnoresDemographics.class);
        assertTrue(run.failed().containsAll(List.of("aDifferentFamilyNameIsNotVerified", "aDifferentDateOfBirthIsNotVerified",
                "noSharedGivenNameIsNotVerified", "eachNumberIsAnsweredFromItsOwnRecord")), () -> "failed " + run.failed());
    }

    @Test
    void anAdapterThatPlacesASensitivePersonIsCaught() {
        KitRun run = KitRun.of(PlacesSensitivePeople.class);
        assertEquals(List.of("aSensitiveRecordIsRefusedAndNeverPlaced"), run.failed());
    }

    /** The stub's world, for the broken adapters below to misuse. */
    abstract static class OnTheStub extends DemographicsOutageContractTest {
        final StubDemographics stub = new StubDemographics();
        boolean down;

        @Override
        protected void givenActive(NhsNumber nhsNumber, Subject held, Placement placement) {
            stub.holds(nhsNumber, held, placement);
        }

        @Override
        protected void givenSensitive(NhsNumber nhsNumber, Subject held, Placement placement) {
            stub.holds(nhsNumber, held, new Verification(RecordOutcome.CPR02, null, "sensitive"));
        }

        @Override
        protected void givenSuperseded(NhsNumber old, NhsNumber replacement, Subject held) {
            stub.holds(old, held, new Verification(RecordOutcome.CPR05, replacement, "superseded"));
        }

        @Override
        protected void givenOldStyle(NhsNumber nhsNumber) {
            stub.answer(nhsNumber, RecordOutcome.CPR04);
        }

        @Override
        protected void givenUnknown(NhsNumber nhsNumber) {
            stub.answer(nhsNumber, RecordOutcome.CPR01);
        }

        @Override
        protected void givenUnavailable() {
            down = true;
            stub.unavailable();
        }
    }

    /** Broken: when PDS cannot be asked it answers "verified" (CPR06) instead of throwing. */
    static class AnswersWhenDown extends OnTheStub {
        @Override
        protected Demographics demographics() {
            return (nhsNumber, subject) -> down ? Verification.verified() : stub.verify(nhsNumber, subject);
        }
    }

    /** Broken: answers the held verdict whatever demographics were sent. */
    static class IgnoresDemographics extends OnTheStub {
        @Override
        protected void givenActive(NhsNumber nhsNumber, Subject held, Placement placement) {
            stub.answer(nhsNumber, Verification.verified().withPlacement(placement));
        }

        @Override
        protected void givenSuperseded(NhsNumber old, NhsNumber replacement, Subject held) {
            stub.answer(old, new Verification(RecordOutcome.CPR05, replacement, "superseded"));
        }

        @Override
        protected Demographics demographics() {
            return stub;
        }
    }

    /** Broken: refuses a sensitive record but gives out where the person lives. */
    static class PlacesSensitivePeople extends OnTheStub {
        @Override
        protected void givenSensitive(NhsNumber nhsNumber, Subject held, Placement placement) {
            stub.holds(nhsNumber, held, new Verification(RecordOutcome.CPR02, null, "sensitive", placement));
        }

        @Override
        protected Demographics demographics() {
            return stub;
        }
    }
}
