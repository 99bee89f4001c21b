package org.opencpis.domain.plan;

/** The national per-record outcome codes of CP-IS (PDS verification and loading). */
public enum RecordOutcome {
    /** No PDS match. */
    CPR01,
    /** Matched, but the PDS record is sensitive: CP information cannot be held. */
    CPR02,
    /** NHS number not verified: family name, given names or date of birth do not match. */
    CPR03,
    /** Old-style NHS number. */
    CPR04,
    /** Verified but superseded: the LA must use the new number. */
    CPR05,
    /** Success. */
    CPR06,
    /** Unsuccessful for another reason (with a detail). */
    CPR07
}
