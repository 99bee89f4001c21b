package org.opencpis.adapters.rest.archfixtures;

import org.opencpis.application.shared.port.out.Transactions;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class ControllerUsingTransactions {
    private final Transactions transactions;

    public ControllerUsingTransactions(Transactions transactions) {
        this.transactions = transactions;
    }
}
