package org.opencpis.application.testing;

import java.util.UUID;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadResults;

class InMemoryUploadResultsTest extends UploadResultsContractTest {
    private InMemoryUploadResults results;

    @Override
    protected void createStores() {
        results = new InMemoryUploadResults();
    }

    @Override
    protected UploadResults results() {
        return results;
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }

    @Override
    protected UUID storedUpload() {
        return UUID.randomUUID();
    }
}
