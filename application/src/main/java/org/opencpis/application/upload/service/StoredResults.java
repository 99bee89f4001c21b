package org.opencpis.application.upload.service;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.domain.upload.RecordResult;

/** An acknowledgement's record results in index order, read a page at a time, each page in a short transaction. */
final class StoredResults implements Iterable<RecordResult> {
    static final int PAGE = 1000;

    private final UUID uploadId;
    private final UploadResults results;
    private final Transactions transactions;

    StoredResults(UUID uploadId, UploadResults results, Transactions transactions) {
        this.uploadId = uploadId;
        this.results = results;
        this.transactions = transactions;
    }

    @Override
    public Iterator<RecordResult> iterator() {
        return new Iterator<>() {
            private List<RecordResult> page = List.of();
            private int position;
            private int nextIndex;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (position < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                int from = nextIndex;
                page = transactions.inTransaction(() -> results.list(uploadId, from, PAGE));
                position = 0;
                last = page.size() < PAGE;
                if (!page.isEmpty()) {
                    nextIndex = page.get(page.size() - 1).index() + 1;
                }
                return !page.isEmpty();
            }

            @Override
            public RecordResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(position++);
            }
        };
    }
}
