package org.opencpis.adapters.persistence.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.UploadsContractTest;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.domain.upload.Upload;

@MicronautTest(transactional = false)
class JdbcUploadsIT extends UploadsContractTest implements PostgresIT {
    @Inject
    JdbcUploads uploads;
    @Inject
    JdbcUploadContents contents;
    @Inject
    JdbcUploadResults results;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    protected void createStores() {
        cleaner.emptyAllTables();
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
        return transactions;
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void concurrentProcessorsSkipEachOthersClaims() throws Exception {
        Set<UUID> stored = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            stored.add(received(ISLINGTON, T0.plusSeconds(i)).id());
        }
        CyclicBarrier bothClaimed = new CyclicBarrier(2);
        List<Future<UUID>> claims = new ArrayList<>();
        for (int processor = 0; processor < 2; processor++) {
            claims.add(threads.submit(() -> tx(() -> {
                UUID claimed = uploads.claimNext(T0.plusSeconds(5), LEASE).map(c -> c.upload().id()).orElse(null);
                await(bothClaimed);
                return claimed;
            })));
        }

        UUID first = claims.get(0).get(30, TimeUnit.SECONDS);
        UUID second = claims.get(1).get(30, TimeUnit.SECONDS);

        assertNotEquals(first, second);
        assertEquals(stored, Set.of(first, second), "each took one of the two, neither waited for the other");
    }

    @Test
    void concurrentUploadsOfOneSequenceNumberAgreeOnOneHolder() throws Exception {
        List<UUID> contenders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contenders.add(received(ISLINGTON, T0).id());
        }
        CyclicBarrier start = new CyclicBarrier(contenders.size());
        List<Future<UUID>> holders = new ArrayList<>();
        for (UUID contender : contenders) {
            holders.add(threads.submit(() -> {
                await(start);
                return tx(() -> uploads.holdSequenceNumber(ISLINGTON, SEVEN, contender));
            }));
        }

        Set<UUID> answers = new HashSet<>();
        for (Future<UUID> holder : holders) {
            answers.add(holder.get(30, TimeUnit.SECONDS));
        }

        assertEquals(1, answers.size(), "one holder for everyone: " + answers);
        assertEquals(true, contenders.containsAll(answers));
    }

    @Test
    void aLargeChunkRoundTrips() {
        Upload upload = upload(ISLINGTON, null, T0);
        byte[] megabyte = new byte[UploadContents.MAX_CHUNK];
        new java.util.Random(7).nextBytes(megabyte);
        run(() -> {
            uploads.create(upload);
            contents.append(upload.id(), 0, megabyte, megabyte.length);
        });

        assertEquals(java.util.Arrays.hashCode(megabyte),
                java.util.Arrays.hashCode(tx(() -> contents.chunk(upload.id(), 0)).orElseThrow()));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread did not get there", e);
        }
    }
}
