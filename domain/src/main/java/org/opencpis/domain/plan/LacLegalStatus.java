package org.opencpis.domain.plan;

import org.opencpis.domain.shared.DomainViolation;

/** The Children Act 1989 basis on which a child is looked after. */
public enum LacLegalStatus {
    /** Care order, section 31. */
    S31,
    /** Interim care order, section 38. */
    S38,
    /** Voluntary accommodation, section 20. */
    S20;

    public static final String INVALID = "INVALID_LEGAL_STATUS";

    public static LacLegalStatus parse(String raw) {
        for (LacLegalStatus status : values()) {
            if (status.name().equals(raw)) {
                return status;
            }
        }
        throw new DomainViolation(INVALID, "lacLegalStatus", "LAC legal status must be S31, S38 or S20");
    }
}
