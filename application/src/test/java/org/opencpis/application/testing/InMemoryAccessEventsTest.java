package org.opencpis.application.testing;

import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryAccessEventsTest extends AccessEventsContractTest {
    @Override
    protected AccessEvents createEvents() {
        return new InMemoryAccessEvents();
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
