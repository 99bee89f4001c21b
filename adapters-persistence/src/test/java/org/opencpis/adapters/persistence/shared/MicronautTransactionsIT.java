package org.opencpis.adapters.persistence.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.adapters.persistence.organisation.JdbcOrganisations;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.RollbackTransactionsContractTest;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.shared.OdsCode;

/**
 * {@code MicronautTransactions} passes the Transactions kit, rollback included, on PostgreSQL; the
 * writes are organisations saved through {@code JdbcOrganisations}, each value an ODS code.
 */
@MicronautTest(transactional = false)
class MicronautTransactionsIT extends RollbackTransactionsContractTest implements PostgresIT {
    @Inject
    MicronautTransactions transactions;
    @Inject
    JdbcOrganisations organisations;

    private final List<String> written = new ArrayList<>();

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected void write(String value) {
        written.add(value);
        organisations.save(TestData.localAuthority(new OdsCode(value)));
    }

    @Override
    protected List<String> stored() {
        return written.stream()
                .filter(value -> transactions.inTransaction(() -> organisations.find(new OdsCode(value))).isPresent())
                .toList();
    }
}
