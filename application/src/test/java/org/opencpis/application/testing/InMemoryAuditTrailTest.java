package org.opencpis.application.testing;

import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryAuditTrailTest extends AuditTrailContractTest {
    @Override
    protected AuditTrail createTrail() {
        return new InMemoryAuditTrail();
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
