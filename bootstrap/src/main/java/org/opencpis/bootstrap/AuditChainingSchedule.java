package org.opencpis.bootstrap;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opencpis.application.audit.port.in.ChainAuditTrailUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains the audit entries recorded since the last pass every {@code opencpis.audit.chain-interval}
 * ({@code OPENCPIS_AUDIT_CHAIN_INTERVAL}, default 1 second; ADR 0012). Recorded entries wait in the
 * trail, so a failed pass loses nothing: the next one chains them.
 */
@Singleton
public class AuditChainingSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainingSchedule.class);
    private final ChainAuditTrailUseCase chaining;

    public AuditChainingSchedule(ChainAuditTrailUseCase chaining) {
        this.chaining = chaining;
    }

    @Scheduled(fixedDelay = "${opencpis.audit.chain-interval:1s}", initialDelay = "${opencpis.audit.chain-interval:1s}")
    void chainRecorded() {
        try {
            chaining.chainRecorded();
        } catch (RuntimeException e) {
            LOG.warn("Audit chaining pass failed; it will run again: {}", e.getClass().getSimpleName());
        }
    }
}
