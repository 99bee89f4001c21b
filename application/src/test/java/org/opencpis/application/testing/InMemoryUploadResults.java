package org.opencpis.application.testing;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.domain.upload.RecordResult;

/** Per-record upload results in memory, by upload and index. */
public final class InMemoryUploadResults implements UploadResults {
    private final Map<UUID, NavigableMap<Integer, RecordResult>> byUpload = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(UUID uploadId, List<RecordResult> results) {
        NavigableMap<Integer, RecordResult> held = byUpload.computeIfAbsent(uploadId, id -> new TreeMap<>());
        for (RecordResult result : results) {
            if (held.containsKey(result.index())) {
                throw new IllegalStateException("upload " + uploadId + " already has a result for record " + result.index());
            }
        }
        results.forEach(result -> held.put(result.index(), result));
    }

    @Override
    public synchronized Counts counts(UUID uploadId) {
        NavigableMap<Integer, RecordResult> held = byUpload.getOrDefault(uploadId, new TreeMap<>());
        return new Counts(held.size(), (int) held.values().stream().filter(RecordResult::loaded).count());
    }

    @Override
    public synchronized List<RecordResult> list(UUID uploadId, int fromIndex, int limit) {
        return byUpload.getOrDefault(uploadId, new TreeMap<>()).tailMap(fromIndex, true).values().stream()
                .limit(limit).toList();
    }
}
