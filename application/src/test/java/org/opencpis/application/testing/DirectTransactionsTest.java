package org.opencpis.application.testing;

import java.util.ArrayList;
import java.util.List;
import org.opencpis.application.shared.port.out.Transactions;

/** The in-memory fakes' transactions run the base kit: they commit, but have nothing to roll back. */
class DirectTransactionsTest extends TransactionsContractTest {
    private final List<String> values = new ArrayList<>();

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }

    @Override
    protected void write(String value) {
        values.add(value);
    }

    @Override
    protected List<String> stored() {
        return List.copyOf(values);
    }
}
