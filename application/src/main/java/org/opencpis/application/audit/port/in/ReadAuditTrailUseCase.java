package org.opencpis.application.audit.port.in;

import org.opencpis.application.shared.Page;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.audit.ChainedAuditEntry;

/** An auditor reads the trail; the reading is itself audited. */
public interface ReadAuditTrailUseCase {
    Page<ChainedAuditEntry> search(RequestContext context, AuditSearch search, PageRequest page);
}
