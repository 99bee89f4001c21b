package org.opencpis.application.cohort.port.in;

/** A cohort request the caller must correct: {@code UNKNOWN_ORGANISATION} or {@code INVALID_CURSOR}. */
public class CohortRejected extends RuntimeException {
    private final String code;

    public CohortRejected(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
