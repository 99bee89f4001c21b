package org.opencpis.application.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/** PDS as a test wants it: every number verified unless told otherwise, or unreachable altogether. */
public final class StubDemographics implements Demographics {
    private final Map<NhsNumber, Verification> answers = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    public StubDemographics answer(NhsNumber nhsNumber, Verification verification) {
        answers.put(nhsNumber, verification);
        return this;
    }

    public StubDemographics answer(NhsNumber nhsNumber, RecordOutcome outcome) {
        return answer(nhsNumber, new Verification(outcome, null, outcome.name()));
    }

    public StubDemographics unavailable() {
        unavailable = true;
        return this;
    }

    public StubDemographics available() {
        unavailable = false;
        return this;
    }

    @Override
    public Verification verify(NhsNumber nhsNumber, Subject subject) {
        if (unavailable) {
            throw new DemographicsUnavailable("PDS stub set unavailable", null);
        }
        return answers.getOrDefault(nhsNumber, Verification.verified());
    }
}
