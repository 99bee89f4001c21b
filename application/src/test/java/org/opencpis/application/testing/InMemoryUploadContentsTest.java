package org.opencpis.application.testing;

import java.util.UUID;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;

class InMemoryUploadContentsTest extends UploadContentsContractTest {
    private InMemoryUploadContents contents;

    @Override
    protected void createStores() {
        contents = new InMemoryUploadContents();
    }

    @Override
    protected UploadContents contents() {
        return contents;
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
