package org.opencpis.domain.upload;

import java.util.Objects;
import org.opencpis.domain.plan.RecordOutcome;

/**
 * The acknowledgement of one record of an upload: its position in the file ({@code index}, from 0),
 * the NHS number and plan type as sent (for an unreadable record they may be absent or not valid),
 * the national CPR code and a detail text that never holds demographics.
 */
public record RecordResult(int index, String nhsNumber, String planType, RecordOutcome status, String detail) {
    /** The longest echo of an NHS number or plan type as sent; longer text is cut. */
    public static final int MAX_ECHO = 32;
    /** The longest detail kept. */
    public static final int MAX_DETAIL = 1000;

    public RecordResult {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index);
        }
        Objects.requireNonNull(status, "status");
        nhsNumber = cut(nhsNumber, MAX_ECHO);
        planType = cut(planType, MAX_ECHO);
        detail = cut(detail, MAX_DETAIL);
    }

    public boolean loaded() {
        return status == RecordOutcome.CPR06;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
