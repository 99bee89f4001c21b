package org.opencpis.domain.alert;

/**
 * How a clinician looked a person up. Only an UNSCHEDULED access (activity B0107, unscheduled
 * care) is recorded in the access history and notified to the responsible local authorities; a
 * SILENT read (B0170, or B0107 with {@code IsUnscheduledAccessEvent: false}) is audited only.
 */
public enum AccessKind {
    UNSCHEDULED,
    SILENT
}
