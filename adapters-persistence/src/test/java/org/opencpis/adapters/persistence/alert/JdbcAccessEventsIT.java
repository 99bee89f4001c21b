package org.opencpis.adapters.persistence.alert;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.AccessEventsContractTest;

@MicronautTest(transactional = false)
class JdbcAccessEventsIT extends AccessEventsContractTest implements PostgresIT {
    @Inject
    JdbcAccessEvents events;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    @Override
    protected AccessEvents createEvents() {
        cleaner.emptyAllTables();
        return events;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
