package org.opencpis.adapters.persistence.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.UploadResultsContractTest;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.UploadResults.Counts;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.upload.Upload;

/** {@code JdbcUploadResults} passes the UploadResults kit on a real, Flyway-migrated PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcUploadResultsIT extends UploadResultsContractTest implements PostgresIT {
    @Inject
    JdbcUploadResults store;
    @Inject
    JdbcUploads uploads;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;
    @Inject
    JdbcOperations jdbc;

    @Override
    protected void createStores() {
        cleaner.emptyAllTables();
    }

    @Override
    protected UploadResults results() {
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

    @Test
    void anUploadsResultsGoWithItWhenItIsDeleted() {
        UUID kept = storedUpload();
        UUID deleted = storedUpload();
        transactions.run(() -> {
            store.save(kept, List.of(LOADED, INVALID));
            store.save(deleted, List.of(LOADED, INVALID, NO_MATCH));
        });

        transactions.run(() -> jdbc.prepareStatement("DELETE FROM upload WHERE id = ?", statement -> {
            statement.setObject(1, deleted);
            return statement.executeUpdate();
        }));

        assertEquals(new Counts(0, 0), transactions.inTransaction(() -> store.counts(deleted)), "no result of a deleted upload is left");
        assertEquals(new Counts(2, 1), transactions.inTransaction(() -> store.counts(kept)));
    }
}
