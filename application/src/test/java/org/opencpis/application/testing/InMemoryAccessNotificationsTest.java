package org.opencpis.application.testing;

import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryAccessNotificationsTest extends AccessNotificationsContractTest {
    @Override
    protected AccessNotifications createNotifications() {
        return new InMemoryAccessNotifications();
    }

    @Override
    protected AccessEvents accessEvents() {
        return new InMemoryAccessEvents();
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
