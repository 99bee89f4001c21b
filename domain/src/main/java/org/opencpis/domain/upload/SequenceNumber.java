package org.opencpis.domain.upload;

import org.opencpis.domain.shared.DomainViolation;

/**
 * The number an LA gives each upload file. A number is applied once per LA: a later file with a
 * number already applied is answered with the earlier file's acknowledgement. A whole number from
 * 0 to {@link #MAX}.
 */
public record SequenceNumber(long value) {
    public static final String INVALID = "INVALID_SEQUENCE_NUMBER";
    public static final long MAX = 999_999_999_999_999L;

    public SequenceNumber {
        if (value < 0 || value > MAX) {
            throw invalid();
        }
    }

    /** Parses the decimal digits of a sequence number (surrounding whitespace ignored). */
    public static SequenceNumber parse(String raw) {
        if (raw == null) {
            throw new DomainViolation(INVALID, "sequenceNumber", "sequence number is required");
        }
        String digits = raw.strip();
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid();
        }
        return new SequenceNumber(Long.parseLong(digits));
    }

    private static DomainViolation invalid() {
        return new DomainViolation(INVALID, "sequenceNumber", "a sequence number is a whole number from 0 to " + MAX);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
