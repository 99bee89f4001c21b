package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.application.upload.port.out.Uploads.ClaimedUpload;
import org.opencpis.application.upload.port.out.Uploads.DueAcknowledgement;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadProgress;

/** What every implementation of the upload ports must do: the queue, the sequence numbers, the answers and the outbox. */
public abstract class UploadsContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-10T10:15:30.123456Z");
    protected static final Duration LEASE = Duration.ofMinutes(5);
    protected static final SequenceNumber SEVEN = new SequenceNumber(7);

    private Uploads uploads;
    private UploadContents contents;
    private UploadResults results;

    /** New, empty stores under test; called before each test. */
    protected abstract void createStores();

    protected abstract Uploads uploads();

    protected abstract UploadContents contents();

    protected abstract UploadResults results();

    /** Runs port calls as the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void stores() {
        createStores();
        uploads = uploads();
        contents = contents();
        results = results();
    }

    protected final <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    protected final void run(Runnable work) {
        transactions().run(work);
    }

    protected static Upload upload(OdsCode localAuthority, SequenceNumber given, Instant at) {
        return new Upload(UUID.randomUUID(), new Actor("la-user-" + localAuthority, localAuthority, "LA", null),
                "req-" + UUID.randomUUID(), given, at);
    }

    /** A stored, received upload of the LA, due at {@code at}. */
    protected final Upload received(OdsCode localAuthority, Instant at) {
        Upload upload = upload(localAuthority, null, at);
        run(() -> {
            uploads.create(upload);
            uploads.markReceived(upload.id(), 10, at);
        });
        return upload;
    }

    protected final Optional<ClaimedUpload> claim(Instant at) {
        return tx(() -> uploads.claimNext(at, LEASE));
    }

    protected static UploadAcknowledgement answer(Upload upload, FileStatus status) {
        return new UploadAcknowledgement(upload.id(), upload.id(), upload.localAuthority(), SEVEN, status, 3, 2, null);
    }

    @Test
    void aStoredUploadKeepsItsSenderAndGivenSequenceNumber() {
        Upload upload = upload(ISLINGTON, SEVEN, T0);
        run(() -> uploads.create(upload));

        Uploads.StoredUpload stored = tx(() -> uploads.find(upload.id())).orElseThrow();

        assertEquals(upload, stored.upload());
        assertEquals(UploadProgress.RECEIVING, stored.progress());
        assertNull(stored.acknowledgement());
        assertEquals(Optional.empty(), tx(() -> uploads.find(UUID.randomUUID())));
    }

    @Test
    void anUploadIsDueOnlyOnceReceivedCompletely() {
        Upload upload = upload(ISLINGTON, null, T0);
        run(() -> uploads.create(upload));
        assertEquals(Optional.empty(), claim(T0.plusSeconds(60)));

        run(() -> uploads.markReceived(upload.id(), 1234, T0));

        ClaimedUpload claimed = claim(T0).orElseThrow();
        assertEquals(upload, claimed.upload());
        assertEquals(1, claimed.attempt());
        assertEquals(UploadProgress.PROCESSING, tx(() -> uploads.find(upload.id())).orElseThrow().progress());
    }

    @Test
    void theEarliestDueIsClaimedFirstAndAClaimIsExclusiveUntilItsLeaseRunsOut() {
        Upload first = received(ISLINGTON, T0);
        Upload second = received(CAMDEN, T0.plusSeconds(1));

        ClaimedUpload claimed = claim(T0.plusSeconds(2)).orElseThrow();
        assertEquals(first.id(), claimed.upload().id());
        assertEquals(second.id(), claim(T0.plusSeconds(2)).orElseThrow().upload().id());
        assertEquals(Optional.empty(), claim(T0.plus(LEASE)));

        ClaimedUpload again = claim(T0.plus(LEASE).plusSeconds(3)).orElseThrow();
        assertEquals(first.id(), again.upload().id());
        assertEquals(2, again.attempt());
        assertNotEquals(claimed.claim(), again.claim());
        assertFalse(tx(() -> uploads.renew(first.id(), claimed.claim(), T0.plus(LEASE.multipliedBy(2)))),
                "the first claim no longer holds");
        assertTrue(tx(() -> uploads.renew(first.id(), again.claim(), T0.plus(LEASE.multipliedBy(2)))));
    }

    @Test
    void aRenewedClaimLastsAndAPostponedUploadWaitsUntilDue() {
        Upload upload = received(ISLINGTON, T0);
        ClaimedUpload claimed = claim(T0).orElseThrow();
        assertTrue(tx(() -> uploads.renew(upload.id(), claimed.claim(), T0.plus(LEASE.multipliedBy(3)))));
        assertEquals(Optional.empty(), claim(T0.plus(LEASE.multipliedBy(2))));

        run(() -> uploads.postpone(upload.id(), claimed.claim(), T0.plusSeconds(600)));

        assertEquals(Optional.empty(), claim(T0.plusSeconds(599)));
        assertEquals(upload.id(), claim(T0.plusSeconds(600)).orElseThrow().upload().id());
        run(() -> uploads.postpone(upload.id(), claimed.claim(), T0));
        assertEquals(Optional.empty(), claim(T0.plusSeconds(601)), "a stale claim cannot postpone");
    }

    @Test
    void oneUploadHoldsASequenceNumberPerLocalAuthorityUntilItFreesIt() {
        UUID first = received(ISLINGTON, T0).id();
        UUID second = received(ISLINGTON, T0).id();
        UUID camden = received(CAMDEN, T0).id();

        assertEquals(first, tx(() -> uploads.holdSequenceNumber(ISLINGTON, SEVEN, first)));
        assertEquals(first, tx(() -> uploads.holdSequenceNumber(ISLINGTON, SEVEN, second)));
        assertEquals(first, tx(() -> uploads.holdSequenceNumber(ISLINGTON, SEVEN, first)), "holding again is harmless");
        assertEquals(camden, tx(() -> uploads.holdSequenceNumber(CAMDEN, SEVEN, camden)), "numbers are per LA");
        assertEquals(second, tx(() -> uploads.holdSequenceNumber(ISLINGTON, new SequenceNumber(8), second)));

        run(() -> uploads.releaseSequenceNumber(ISLINGTON, SEVEN, second));
        assertEquals(first, tx(() -> uploads.holdSequenceNumber(ISLINGTON, SEVEN, second)), "only the holder frees it");

        run(() -> uploads.releaseSequenceNumber(ISLINGTON, SEVEN, first));
        assertEquals(second, tx(() -> uploads.holdSequenceNumber(ISLINGTON, SEVEN, second)));
    }

    @Test
    void aFinishedUploadCarriesItsAnswerAndIsNeverClaimedAgain() {
        Upload upload = received(ISLINGTON, T0);
        ClaimedUpload claimed = claim(T0).orElseThrow();
        UploadAcknowledgement answer = new UploadAcknowledgement(upload.id(), upload.id(), ISLINGTON, null, FileStatus.CPF01,
                0, 0, "line 3: unterminated quoted field");

        assertTrue(tx(() -> uploads.finish(claimed.claim(), answer, T0.plusSeconds(5))));

        Uploads.StoredUpload stored = tx(() -> uploads.find(upload.id())).orElseThrow();
        assertEquals(UploadProgress.PROCESSED, stored.progress());
        assertEquals(answer, stored.acknowledgement());
        assertEquals(Optional.empty(), claim(T0.plus(LEASE.multipliedBy(10))));
        assertFalse(tx(() -> uploads.finish(claimed.claim(), answer, T0.plusSeconds(6))), "answered once only");
    }

    @Test
    void aRepeatIsAnsweredWithTheEarlierUploadsResults() {
        Upload earlier = received(ISLINGTON, T0);
        ClaimedUpload first = claim(T0).orElseThrow();
        run(() -> uploads.finish(first.claim(), answer(earlier, FileStatus.CPF03), T0));
        Upload repeat = received(ISLINGTON, T0.plusSeconds(1));
        ClaimedUpload second = claim(T0.plusSeconds(1)).orElseThrow();
        UploadAcknowledgement repeated = new UploadAcknowledgement(repeat.id(), earlier.id(), ISLINGTON, SEVEN,
                FileStatus.CPF03, 3, 2, null);

        assertTrue(tx(() -> uploads.finish(second.claim(), repeated, T0.plusSeconds(2))));

        UploadAcknowledgement stored = tx(() -> uploads.find(repeat.id())).orElseThrow().acknowledgement();
        assertEquals(repeated, stored);
        assertTrue(stored.isRepeat());
    }

    @Test
    void aStaleClaimCannotFinish() {
        Upload upload = received(ISLINGTON, T0);
        ClaimedUpload stale = claim(T0).orElseThrow();
        ClaimedUpload current = claim(T0.plus(LEASE)).orElseThrow();

        assertFalse(tx(() -> uploads.finish(stale.claim(), answer(upload, FileStatus.CPF02), T0.plus(LEASE))));
        assertTrue(tx(() -> uploads.finish(current.claim(), answer(upload, FileStatus.CPF02), T0.plus(LEASE))));
    }

    @Test
    void anAnswerIsDueForDeliveryAtOnceAndClaimedByOneRelayAtATime() {
        Upload upload = received(ISLINGTON, T0);
        ClaimedUpload claimed = claim(T0).orElseThrow();
        assertEquals(List.of(), tx(() -> uploads.claimDueAcknowledgements(T0, LEASE, 10)), "nothing to deliver before the answer");
        run(() -> uploads.finish(claimed.claim(), answer(upload, FileStatus.CPF02), T0.plusSeconds(1)));

        List<DueAcknowledgement> due = tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(1), LEASE, 10));

        assertEquals(1, due.size());
        assertEquals(answer(upload, FileStatus.CPF02), due.get(0).acknowledgement());
        assertEquals(1, due.get(0).attempt());
        assertEquals(List.of(), tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(2), LEASE, 10)));
        List<DueAcknowledgement> again = tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(1).plus(LEASE), LEASE, 10));
        assertEquals(2, again.get(0).attempt(), "an expired delivery claim is due again");

        run(() -> uploads.retryAcknowledgementLater(upload.id(), T0.plusSeconds(3600)));
        assertEquals(List.of(), tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(3599), LEASE, 10)));
        assertEquals(1, tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(3600), LEASE, 10)).size());

        run(() -> uploads.markAcknowledgementDelivered(upload.id(), T0.plusSeconds(3601)));
        assertEquals(List.of(), tx(() -> uploads.claimDueAcknowledgements(T0.plus(Duration.ofDays(1)), LEASE, 10)));
    }

    @Test
    void dueAcknowledgementsAreClaimedOldestFirstUpToTheLimit() {
        for (int i = 0; i < 3; i++) {
            Upload upload = received(ISLINGTON, T0.plusSeconds(i));
            ClaimedUpload claimed = claim(T0.plusSeconds(i)).orElseThrow();
            Instant at = T0.plusSeconds(10 - i);
            run(() -> uploads.finish(claimed.claim(), answer(upload, FileStatus.CPF02), at));
        }

        List<DueAcknowledgement> due = tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(20), LEASE, 2));

        assertEquals(2, due.size());
        List<DueAcknowledgement> rest = tx(() -> uploads.claimDueAcknowledgements(T0.plusSeconds(20), LEASE, 2));
        assertEquals(1, rest.size());
    }

    @Test
    void aSubmissionThatNeverCompletedIsDiscardedWithItsContent() {
        Upload broken = upload(ISLINGTON, null, T0);
        Upload abandoned = upload(ISLINGTON, null, T0.minus(Duration.ofDays(2)));
        Upload completed = received(ISLINGTON, T0.minus(Duration.ofDays(2)));
        run(() -> {
            uploads.create(broken);
            uploads.create(abandoned);
            contents.append(broken.id(), 0, new byte[] {1, 2, 3}, 3);
            contents.append(abandoned.id(), 0, new byte[] {1, 2, 3}, 3);
        });

        run(() -> {
            contents.delete(broken.id());
            uploads.discard(broken.id());
        });
        List<UUID> removed = tx(() -> uploads.discardAbandoned(T0.minus(Duration.ofDays(1))));
        removed.forEach(id -> run(() -> contents.delete(id)));

        assertEquals(List.of(abandoned.id()), removed);
        assertEquals(Optional.empty(), tx(() -> uploads.find(broken.id())));
        assertEquals(Optional.empty(), tx(() -> uploads.find(abandoned.id())));
        assertEquals(Optional.empty(), tx(() -> contents.chunk(abandoned.id(), 0)));
        assertTrue(tx(() -> uploads.find(completed.id())).isPresent());
        run(() -> uploads.discard(completed.id()));
        assertTrue(tx(() -> uploads.find(completed.id())).isPresent(), "a received upload is not discarded");
    }

    @Test
    void contentIsKeptChunkByChunkUntilDeleted() {
        Upload upload = upload(ISLINGTON, null, T0);
        byte[] buffer = "hello, world".getBytes(StandardCharsets.UTF_8);
        run(() -> {
            uploads.create(upload);
            contents.append(upload.id(), 0, buffer, 5);
            contents.append(upload.id(), 1, buffer, buffer.length);
        });
        buffer[0] = 'j';

        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), tx(() -> contents.chunk(upload.id(), 0)).orElseThrow());
        assertArrayEquals("hello, world".getBytes(StandardCharsets.UTF_8), tx(() -> contents.chunk(upload.id(), 1)).orElseThrow());
        assertEquals(Optional.empty(), tx(() -> contents.chunk(upload.id(), 2)));

        run(() -> contents.delete(upload.id()));
        assertEquals(Optional.empty(), tx(() -> contents.chunk(upload.id(), 0)));
    }

    @Test
    void resultsAreListedInIndexOrderAndCounted() {
        Upload upload = received(ISLINGTON, T0);
        RecordResult loaded = new RecordResult(0, "9990000018", "CPP", RecordOutcome.CPR06, "CREATED");
        RecordResult refused = new RecordResult(1, "12", null, RecordOutcome.CPR07, "nhsNumber INVALID_NHS_NUMBER (...)");
        RecordResult unmatched = new RecordResult(2, "9990000026", "LAC", RecordOutcome.CPR01, null);
        run(() -> results.save(upload.id(), List.of(unmatched, loaded)));
        run(() -> results.save(upload.id(), List.of(refused)));

        assertEquals(List.of(loaded, refused, unmatched), tx(() -> results.list(upload.id(), 0, 10)));
        assertEquals(List.of(refused), tx(() -> results.list(upload.id(), 1, 1)));
        assertEquals(List.of(), tx(() -> results.list(upload.id(), 3, 10)));
        assertEquals(new UploadResults.Counts(3, 1), tx(() -> results.counts(upload.id())));
        assertEquals(new UploadResults.Counts(0, 0), tx(() -> results.counts(UUID.randomUUID())));
        assertThrows(RuntimeException.class, () -> run(() -> results.save(upload.id(), List.of(loaded))),
                "one result per record");
    }
}
