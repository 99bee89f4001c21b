package org.opencpis.adapters.persistence.cohort;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.opencpis.adapters.persistence.plan.JdbcProtectionRecords;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.CohortsContractTest;

@MicronautTest(transactional = false)
class JdbcCohortsIT extends CohortsContractTest implements PostgresIT {
    @Inject
    JdbcCohorts cohorts;
    @Inject
    JdbcProtectionRecords records;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    @Override
    protected Cohorts createCohorts() {
        cleaner.emptyAllTables();
        return cohorts;
    }

    @Override
    protected ProtectionRecords records() {
        return records;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
