package org.opencpis.application.testing;

import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;

class InMemoryUploadsTest extends UploadsContractTest {
    private InMemoryUploads uploads;
    private InMemoryUploadContents contents;
    private InMemoryUploadResults results;

    @Override
    protected void createStores() {
        uploads = new InMemoryUploads();
        contents = new InMemoryUploadContents();
        results = new InMemoryUploadResults();
    }

    @Override
    protected Uploads uploads() {
        return uploads;
    }

    @Override
    protected UploadContents contents() {
        return contents;
    }

    @Override
    protected UploadResults results() {
        return results;
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }
}
