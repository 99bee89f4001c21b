package org.opencpis.adapters.spine.pds;

/** The state of an NHS number in the PDS stub, as a fixture entry gives it. */
public enum PdsStatus {
    /** An ordinary, current PDS record. */
    ACTIVE,
    /** The record carries the S-flag: child protection information cannot be held (CPR02). */
    SENSITIVE,
    /** The number has been replaced by another (CPR05). */
    SUPERSEDED,
    /** An old-style NHS number (CPR04). */
    OLD_STYLE
}
