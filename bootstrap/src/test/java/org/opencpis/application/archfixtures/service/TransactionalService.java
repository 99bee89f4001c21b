package org.opencpis.application.archfixtures.service;

import org.opencpis.application.archfixtures.port.in.SomethingQuery;
import org.opencpis.application.archfixtures.port.in.SomethingUseCase;
import org.opencpis.application.shared.port.out.Transactions;

/** A use-case service that declares its transaction: imported only by ArchitectureRulesFailTest, to show the rule spares it. */
public final class TransactionalService implements SomethingUseCase {
    private final Transactions transactions;

    public TransactionalService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public SomethingResult handle(SomethingQuery query) {
        return transactions.inTransaction(() -> new SomethingResult(query.question()));
    }
}
