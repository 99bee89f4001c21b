package org.opencpis.adapters.persistence.upload;

import static org.opencpis.application.testing.TestData.ISLINGTON;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.UploadContentsContractTest;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.upload.Upload;

/** {@code JdbcUploadContents} passes the UploadContents kit on a real, Flyway-migrated PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcUploadContentsIT extends UploadContentsContractTest implements PostgresIT {
    @Inject
    JdbcUploadContents store;
    @Inject
    JdbcUploads uploads;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    @Override
    protected void createStores() {
        cleaner.emptyAllTables();
    }

    @Override
    protected UploadContents contents() {
        return store;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected UUID storedUpload() {
        Upload upload = new Upload(UUID.randomUUID(), new Actor("la-user", ISLINGTON, "LA", null), "req-" + UUID.randomUUID(), null,
                Instant.parse("2025-03-10T10:15:30Z"));
        transactions.run(() -> uploads.create(upload));
        return upload.id();
    }
}
