package org.opencpis.application.testing;

import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryCohortsTest extends CohortsContractTest {
    private final InMemoryProtectionRecords records = new InMemoryProtectionRecords();

    @Override
    protected Cohorts createCohorts() {
        return new InMemoryCohorts(records);
    }

    @Override
    protected ProtectionRecords records() {
        return records;
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
