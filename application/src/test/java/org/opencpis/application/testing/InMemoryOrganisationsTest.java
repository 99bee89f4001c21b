package org.opencpis.application.testing;

import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryOrganisationsTest extends OrganisationsContractTest {
    @Override
    protected Organisations createOrganisations() {
        return new InMemoryOrganisations();
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
