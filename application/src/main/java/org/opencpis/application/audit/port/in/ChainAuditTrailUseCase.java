package org.opencpis.application.audit.port.in;

/** Chains the audit entries recorded since the last chaining (ADR 0012); run every few seconds and before the trail is read. */
public interface ChainAuditTrailUseCase {

    /** Chains every committed entry recorded so far; answers how many. */
    long chainRecorded();
}
