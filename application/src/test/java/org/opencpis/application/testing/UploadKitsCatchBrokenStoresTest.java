package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.domain.upload.RecordResult;

/** The UploadContents and UploadResults kits pass the fakes and fail deliberately broken stores. */
class UploadKitsCatchBrokenStoresTest {

    @Test
    void theKitsPassTheInMemoryStores() {
        assertEquals(List.of(), KitRun.of(InMemoryUploadContentsTest.class).failed());
        assertEquals(List.of(), KitRun.of(InMemoryUploadResultsTest.class).failed());
    }

    @Test
    void contentKeyedByChunkAloneIsCaught() {
        KitRun run = KitRun.of(SharedChunksRun.class);
        assertTrue(run.failed().contains("uploadsDoNotShareContent"), () -> "failed " + run.failed());
        assertTrue(run.failed().contains("deleteForgetsEveryChunkOfThatUploadOnly"), () -> "failed " + run.failed());
    }

    @Test
    void countingEveryResultAsLoadedIsCaught() {
        KitRun run = KitRun.of(EveryResultLoadedRun.class);
        assertEquals(List.of("countsAreOfResultsAndOfLoadedRecords", "uploadsKeepTheirOwnResults"), run.failed());
    }

    @Test
    void aHalfStoredRefusedSaveIsCaught() {
        KitRun run = KitRun.of(HalfStoredSaveRun.class);
        assertEquals(List.of("aSecondResultForARecordIsRefusedAndTheSaveStoresNothing"), run.failed());
    }

    /** Broken: keys content by chunk number only, so uploads overwrite and delete each other's chunks. */
    static final class SharedChunks implements UploadContents {
        private final Map<Integer, byte[]> chunks = new ConcurrentHashMap<>();

        @Override
        public void append(UUID uploadId, int chunk, byte[] bytes, int length) {
            if (length < 0 || length > MAX_CHUNK || length > bytes.length) {
                throw new IllegalArgumentException("length");
            }
            chunks.put(chunk, Arrays.copyOf(bytes, length));
        }

        @Override
        public Optional<byte[]> chunk(UUID uploadId, int chunk) {
            return Optional.ofNullable(chunks.get(chunk)).map(byte[]::clone);
        }

        @Override
        public void delete(UUID uploadId) {
            chunks.clear();
        }
    }

    /** Broken: counts every result as loaded. */
    static final class EveryResultLoaded implements UploadResults {
        private final InMemoryUploadResults held = new InMemoryUploadResults();

        @Override
        public void save(UUID uploadId, List<RecordResult> results) {
            held.save(uploadId, results);
        }

        @Override
        public Counts counts(UUID uploadId) {
            int results = held.counts(uploadId).results();
            return new Counts(results, results);
        }

        @Override
        public List<RecordResult> list(UUID uploadId, int fromIndex, int limit) {
            return held.list(uploadId, fromIndex, limit);
        }
    }

    /** Broken: stores a save's results one by one, so a refused save leaves some of them behind. */
    static final class HalfStoredSave implements UploadResults {
        private final Map<UUID, TreeMap<Integer, RecordResult>> byUpload = new ConcurrentHashMap<>();

        @Override
        public synchronized void save(UUID uploadId, List<RecordResult> results) {
            TreeMap<Integer, RecordResult> held = byUpload.computeIfAbsent(uploadId, id -> new TreeMap<>());
            for (RecordResult result : results) {
                if (held.putIfAbsent(result.index(), result) != null) {
                    throw new IllegalStateException("duplicate index");
                }
            }
        }

        @Override
        public synchronized Counts counts(UUID uploadId) {
            TreeMap<Integer, RecordResult> held = byUpload.getOrDefault(uploadId, new TreeMap<>());
            return new Counts(held.size(), (int) held.values().stream().filter(RecordResult::loaded).count());
        }

        @Override
        public synchronized List<RecordResult> list(UUID uploadId, int fromIndex, int limit) {
            return byUpload.getOrDefault(uploadId, new TreeMap<>()).tailMap(fromIndex, true).values().stream().limit(limit).toList();
        }
    }

    static class SharedChunksRun extends UploadContentsContractTest {
        private UploadContents contents;

        @Override
        protected void createStores() {
            contents = new SharedChunks();
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

    abstract static class ResultsRun extends UploadResultsContractTest {
        private UploadResults results;

        abstract UploadResults create();

        @Override
        protected void createStores() {
            results = create();
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

    static class EveryResultLoadedRun extends ResultsRun {
        @Override
        UploadResults create() {
            return new EveryResultLoaded();
        }
    }

    static class HalfStoredSaveRun extends ResultsRun {
        @Override
        UploadResults create() {
            return new HalfStoredSave();
        }
    }
}
