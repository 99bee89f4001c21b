package org.opencpis.domain.plan;

import org.opencpis.domain.shared.DomainViolation;

/**
 * The three kinds of plan CP-IS shares, with their SNOMED CT concept and how long an ended plan
 * stays visible to clinicians. A UCPP is recorded against the pregnant mother's NHS number.
 */
public enum PlanType {
    CPP("342191000000101", "Subject to child protection plan", 364),
    LAC("764841000000100", "Looked after child", 364),
    UCPP("818901000000100", "Unborn child subject to child protection plan", 28);

    public static final String INVALID = "INVALID_PLAN_TYPE";

    private final String snomedCode;
    private final String snomedDisplay;
    private final int visibleDaysAfterEnd;

    PlanType(String snomedCode, String snomedDisplay, int visibleDaysAfterEnd) {
        this.snomedCode = snomedCode;
        this.snomedDisplay = snomedDisplay;
        this.visibleDaysAfterEnd = visibleDaysAfterEnd;
    }

    public static PlanType parse(String raw) {
        for (PlanType type : values()) {
            if (type.name().equals(raw)) {
                return type;
            }
        }
        throw new DomainViolation(INVALID, "planType", "plan type must be CPP, LAC or UCPP");
    }

    public String snomedCode() {
        return snomedCode;
    }

    public String snomedDisplay() {
        return snomedDisplay;
    }

    /** Days after the end date during which an ended plan is still shown: 364 (CPP, LAC) or 28 (UCPP). */
    public int visibleDaysAfterEnd() {
        return visibleDaysAfterEnd;
    }
}
