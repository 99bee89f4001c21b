package org.opencpis.application.testing;

import java.util.function.Consumer;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.domain.audit.ChainedAuditEntry;

/** Passes every call to another trail: tests override the one call they want to break, slow or watch. */
public class DelegatingAuditTrail implements AuditTrail {
    private final AuditTrail trail;

    public DelegatingAuditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void append(AuditEntry entry) {
        trail.append(entry);
    }

    @Override
    public int chainRecorded(int limit) {
        return trail.chainRecorded(limit);
    }

    @Override
    public Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page) {
        return trail.search(search, page);
    }

    @Override
    public void forEachInSequence(Consumer<ChainedAuditEntry> visitor) {
        trail.forEachInSequence(visitor);
    }

    @Override
    public Head head() {
        return trail.head();
    }
}
