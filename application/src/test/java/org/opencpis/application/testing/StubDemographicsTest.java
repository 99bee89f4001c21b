package org.opencpis.application.testing;

import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

class StubDemographicsTest extends DemographicsOutageContractTest {
    private final StubDemographics stub = new StubDemographics();

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
        stub.unavailable();
    }

    @Override
    protected Demographics demographics() {
        return stub;
    }
}
