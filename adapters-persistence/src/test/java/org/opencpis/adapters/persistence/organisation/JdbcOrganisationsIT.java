package org.opencpis.adapters.persistence.organisation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.OrganisationsContractTest;

@MicronautTest(transactional = false)
class JdbcOrganisationsIT extends OrganisationsContractTest implements PostgresIT {
    @Inject
    JdbcOrganisations organisations;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    @Override
    protected Organisations createOrganisations() {
        cleaner.emptyAllTables();
        return organisations;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
