package org.opencpis.application.testing;

import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryProtectionRecordsTest extends ProtectionRecordsContractTest {
    @Override
    protected ProtectionRecords createRecords() {
        return new InMemoryProtectionRecords();
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
