package org.opencpis.domain.plan;

/** Where a record is in its life. Withdrawn records are never shown and are purged. */
public enum RecordStatus {
    ACTIVE,
    ENDED,
    WITHDRAWN
}
