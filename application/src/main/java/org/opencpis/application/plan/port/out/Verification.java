package org.opencpis.application.plan.port.out;

import java.util.Objects;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.NhsNumber;

/**
 * What PDS said of one NHS number: a CPR code, the newer number when superseded, a detail, and
 * where PDS places the person ({@link Placement#NONE} when it does not say).
 */
public record Verification(RecordOutcome outcome, NhsNumber supersededBy, String detail, Placement placement) {
    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        placement = placement == null ? Placement.NONE : placement;
    }

    public Verification(RecordOutcome outcome, NhsNumber supersededBy, String detail) {
        this(outcome, supersededBy, detail, Placement.NONE);
    }

    public static Verification verified() {
        return new Verification(RecordOutcome.CPR06, null, "verified");
    }

    public boolean isVerified() {
        return outcome == RecordOutcome.CPR06;
    }

    public Verification withPlacement(Placement where) {
        return new Verification(outcome, supersededBy, detail, where);
    }
}
