package org.opencpis.application.plan.port.in;

/** Removes from the live store every record past its delete date; the audit trail keeps that each existed. */
public interface PurgeExpiredPlansUseCase {
    /** @return how many records were purged */
    int purge();
}
