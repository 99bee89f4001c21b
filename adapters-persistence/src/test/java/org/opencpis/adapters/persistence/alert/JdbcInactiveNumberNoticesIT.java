package org.opencpis.adapters.persistence.alert;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.InactiveNumberNoticesContractTest;

@MicronautTest(transactional = false)
class JdbcInactiveNumberNoticesIT extends InactiveNumberNoticesContractTest implements PostgresIT {
    @Inject
    JdbcInactiveNumberNotices notices;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    @Override
    protected InactiveNumberNotices createNotices() {
        cleaner.emptyAllTables();
        return notices;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
