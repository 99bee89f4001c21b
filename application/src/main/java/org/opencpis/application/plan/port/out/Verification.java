package org.opencpis.application.plan.port.out;

import java.util.Objects;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.NhsNumber;

/** What PDS said of one NHS number: a CPR code, the newer number when superseded, and a detail. */
public record Verification(RecordOutcome outcome, NhsNumber supersededBy, String detail) {
    public Verification {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Verification verified() {
        return new Verification(RecordOutcome.CPR06, null, "verified");
    }

    public boolean isVerified() {
        return outcome == RecordOutcome.CPR06;
    }
}
