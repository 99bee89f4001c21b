package org.opencpis.application.plan.port.in;

/**
 * A plan could not be recorded for a reason the LA must act on: a CPR code from PDS
 * ({@code CPR01}..{@code CPR05}), {@code UNKNOWN_ORGANISATION}, or {@code PDS_UNAVAILABLE}.
 */
public class PlanRejected extends RuntimeException {
    private final String code;

    public PlanRejected(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
