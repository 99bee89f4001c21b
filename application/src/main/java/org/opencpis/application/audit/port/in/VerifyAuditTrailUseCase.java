package org.opencpis.application.audit.port.in;

import org.opencpis.application.shared.RequestContext;

/** Re-computes the whole hash chain: valid only when every entry's hash and link hold. */
public interface VerifyAuditTrailUseCase {
    Verification verify(RequestContext context);

    record Verification(boolean valid, long entries) {
    }
}
