package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.UploadResults.Counts;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.upload.RecordResult;

/**
 * What every {@link UploadResults} must do: keep one result per record of an upload, list them in
 * index order from any index, count them and the loaded ones (CPR06), keep uploads apart, and
 * refuse a second result for an index without storing any of that save. Every call runs inside
 * {@link #transactions()}.
 */
public abstract class UploadResultsContractTest {
    protected static final RecordResult LOADED = new RecordResult(0, "9990000018", "CPP", RecordOutcome.CPR06, "CREATED");
    protected static final RecordResult INVALID = new RecordResult(1, "12", null, RecordOutcome.CPR07,
            "nhsNumber INVALID_NHS_NUMBER (must be 10 digits)");
    protected static final RecordResult NO_MATCH = new RecordResult(2, "9990000026", "LAC", RecordOutcome.CPR01, null);
    protected static final RecordResult SUPERSEDED = new RecordResult(3, "9990000034", "UCPP", RecordOutcome.CPR05,
            "NHS number superseded in PDS; use NHS number 9990000042 — é ü ß");

    private UploadResults results;

    protected abstract void createStores();

    protected abstract UploadResults results();

    protected abstract Transactions transactions();

    /** The id of an upload the store may hold results for (a stored upload, where the store needs one). */
    protected abstract UUID storedUpload();

    @BeforeEach
    void stores() {
        createStores();
        results = results();
    }

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private void run(Runnable work) {
        transactions().run(work);
    }

    @Test
    void resultsAreListedInIndexOrderWhateverOrderTheyWereSavedIn() {
        UUID upload = storedUpload();
        run(() -> results.save(upload, List.of(SUPERSEDED, LOADED)));
        run(() -> results.save(upload, List.of(NO_MATCH, INVALID)));

        assertEquals(List.of(LOADED, INVALID, NO_MATCH, SUPERSEDED), tx(() -> results.list(upload, 0, 10)));
    }

    @Test
    void listingPagesFromAnIndex() {
        UUID upload = storedUpload();
        run(() -> results.save(upload, List.of(LOADED, INVALID, NO_MATCH, SUPERSEDED)));

        assertEquals(List.of(INVALID, NO_MATCH), tx(() -> results.list(upload, 1, 2)));
        assertEquals(List.of(SUPERSEDED), tx(() -> results.list(upload, 3, 2)));
        assertEquals(List.of(), tx(() -> results.list(upload, 4, 2)));
    }

    @Test
    void countsAreOfResultsAndOfLoadedRecords() {
        UUID upload = storedUpload();
        run(() -> results.save(upload, List.of(LOADED, INVALID, NO_MATCH,
                new RecordResult(7, "9990000042", "LAC", RecordOutcome.CPR06, "UPDATED"))));

        assertEquals(new Counts(4, 2), tx(() -> results.counts(upload)));
    }

    @Test
    void anUploadWithoutResultsHasNone() {
        UUID upload = storedUpload();
        run(() -> results.save(upload, List.of()));

        assertEquals(new Counts(0, 0), tx(() -> results.counts(upload)));
        assertEquals(List.of(), tx(() -> results.list(upload, 0, 10)));
        assertEquals(new Counts(0, 0), tx(() -> results.counts(UUID.randomUUID())));
    }

    @Test
    void uploadsKeepTheirOwnResults() {
        UUID first = storedUpload();
        UUID second = storedUpload();
        run(() -> results.save(first, List.of(LOADED)));
        run(() -> results.save(second, List.of(LOADED, INVALID)));

        assertEquals(List.of(LOADED), tx(() -> results.list(first, 0, 10)));
        assertEquals(new Counts(2, 1), tx(() -> results.counts(second)));
    }

    @Test
    void aSecondResultForARecordIsRefusedAndTheSaveStoresNothing() {
        UUID upload = storedUpload();
        run(() -> results.save(upload, List.of(LOADED)));
        RecordResult again = new RecordResult(0, "9990000018", "CPP", RecordOutcome.CPR03, "not verified");

        assertThrows(RuntimeException.class, () -> run(() -> results.save(upload, List.of(INVALID, again))));

        assertEquals(List.of(LOADED), tx(() -> results.list(upload, 0, 10)));
    }
}
