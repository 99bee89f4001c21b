package org.opencpis.application.testing;

import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryInactiveNumberNoticesTest extends InactiveNumberNoticesContractTest {
    @Override
    protected InactiveNumberNotices createNotices() {
        return new InMemoryInactiveNumberNotices();
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
