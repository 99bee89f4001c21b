package org.opencpis.application.upload.service;

import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.cohort.service.CohortMembership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.testing.LineUploadFormats.Builder;
import org.opencpis.application.testing.TestData;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase.SubmitUploadCommand;
import org.opencpis.application.upload.port.out.Uploads.ClaimedUpload;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadProgress;

class UploadProcessorTest {
    private static final String A = TestData.nhsNumber(1).value();
    private static final String B = TestData.nhsNumber(2).value();
    private static final String C = TestData.nhsNumber(3).value();
    private static final SequenceNumber SEVEN = new SequenceNumber(7);

    private final UploadFixture f = new UploadFixture();
    private final UploadProcessor processor = f.processor();

    private Optional<ProtectionRecord> record(OdsCode la, String nhsNumber, PlanType type) {
        return f.records.findCurrentForUpdate(new RecordKey(la, new NhsNumber(nhsNumber), type));
    }

    private static RecordResult result(int index, String nhsNumber, String planType, RecordOutcome status, String detail) {
        return new RecordResult(index, nhsNumber, planType, status, detail);
    }

    @Test
    void aFileOfGoodRecordsIsLoadedWholeAsTheSenderAndItsContentForgotten() {
        RequestContext sender = f.la(ISLINGTON);
        UUID id = f.submit(sender, null, Builder.json(7).cpp(A)
                .record(B, "LAC", "2024-02-01", "", "", "Jones", "Ben", "2018-07-12", "CASE-2", "S31"));

        assertEquals(1, processor.processPending());

        UploadAcknowledgement ack = f.acknowledgement(ISLINGTON, id);
        assertEquals(new UploadAcknowledgement(id, id, ISLINGTON, SEVEN, FileStatus.CPF02, 2, 2, null), ack);
        assertEquals(List.of(result(0, A, "CPP", RecordOutcome.CPR06, "CREATED"), result(1, B, "LAC", RecordOutcome.CPR06, "CREATED")),
                f.results(ISLINGTON, id));
        assertEquals("CASE-2", record(ISLINGTON, B, PlanType.LAC).orElseThrow().details().localId());
        assertFalse(f.contents.holdsAnyOf(id), "the file's demographics are not kept once it is answered");
        List<AuditEntry> recorded = f.audited("PLAN_RECORD:CPP");
        assertEquals(1, recorded.size());
        assertEquals(sender.actor(), recorded.get(0).actor(), "applied as the sender");
        assertEquals(sender.requestId(), recorded.get(0).requestId());
        assertEquals("CREATED", recorded.get(0).outcome());
        assertEquals("CPF02", f.audited("UPLOAD_PROCESS").get(0).outcome());
        assertEquals(0, processor.processPending(), "answered once");
    }

    @Test
    void aKeyRepeatedInOneBatchIsAppliedAsOneRecordAfterAnother() {
        UUID id = f.submit(ISLINGTON, Builder.json(7).cpp(A)
                .record(A, "CPP", "2024-01-15", "2024-06-30", "", "Smith", "Jane Anne", "2015-04-01", "", "")
                .cpp(B).cpp(A).cpp(A));

        processor.processPending();

        assertEquals(List.of("CREATED", "UPDATED", "CREATED", "UPDATED", "UNCHANGED"),
                f.results(ISLINGTON, id).stream().map(RecordResult::detail).toList());
        assertEquals(List.of("CREATED", "UPDATED", "CREATED", "UPDATED", "UNCHANGED"),
                f.audited("PLAN_RECORD:CPP").stream().map(AuditEntry::outcome).toList(), "audited in the file's order");
        assertEquals(null, record(ISLINGTON, A, PlanType.CPP).orElseThrow().details().endDate(), "the last one stands");
        assertEquals(2, f.records.all().size());
    }

    @Test
    void theSameRecordsAgainChangeNothingAndChangedOnesAreUpdated() {
        f.submit(ISLINGTON, Builder.json(1).cpp(A).cpp(B));
        processor.processPending();
        UUID again = f.submit(ISLINGTON, Builder.json(2).cpp(A)
                .record(B, "CPP", "2024-01-15", "2024-06-30", "", "Smith", "Jane Anne", "2015-04-01", "", ""));
        processor.processPending();

        assertEquals(List.of("UNCHANGED", "UPDATED"), f.results(ISLINGTON, again).stream().map(RecordResult::detail).toList());
        assertEquals(LocalDate.of(2024, 6, 30), record(ISLINGTON, B, PlanType.CPP).orElseThrow().details().endDate());
        assertEquals(2, f.records.all().size());
    }

    @Test
    void validRecordsLoadAndEachOtherGetsItsOwnCode() {
        f.pds.answer(new NhsNumber(B), RecordOutcome.CPR01)
                .answer(new NhsNumber(C), new Verification(RecordOutcome.CPR05, TestData.nhsNumber(9), "superseded"));
        UUID id = f.submit(ISLINGTON, Builder.json(7)
                .cpp(A)
                .cpp(B)
                .cpp(C)
                .record("1234567890", "CPP", "2024-13-01", "", "", "Smith", "Jane", "2015-04-01", "", "")
                .record(A, "LAC", "2024-01-15", "", "", "Smith", "Jane", "2015-04-01", "", "")
                .unreadable("startDate must be text"));

        processor.processPending();

        UploadAcknowledgement ack = f.acknowledgement(ISLINGTON, id);
        assertEquals(FileStatus.CPF03, ack.fileStatus());
        assertEquals(6, ack.received());
        assertEquals(1, ack.loaded());
        List<RecordResult> results = f.results(ISLINGTON, id);
        assertEquals(List.of(RecordOutcome.CPR06, RecordOutcome.CPR01, RecordOutcome.CPR05, RecordOutcome.CPR07,
                RecordOutcome.CPR07, RecordOutcome.CPR07), results.stream().map(RecordResult::status).toList());
        assertEquals("superseded; use NHS number " + TestData.nhsNumber(9), results.get(2).detail());
        assertEquals("1234567890", results.get(3).nhsNumber());
        assertTrue(results.get(3).detail().contains("nhsNumber INVALID_NHS_NUMBER"), results.get(3).detail());
        assertTrue(results.get(3).detail().contains("startDate INVALID_DATE"), results.get(3).detail());
        assertTrue(results.get(4).detail().startsWith("lacLegalStatus MISSING_FIELD"), results.get(4).detail());
        assertEquals("startDate must be text", results.get(5).detail());
        assertEquals(Optional.empty(), record(ISLINGTON, B, PlanType.CPP));
        assertEquals(List.of("CREATED", "REJECTED_CPR01", "REJECTED_CPR05"),
                f.audited("PLAN_RECORD:CPP").stream().map(AuditEntry::outcome).toList(),
                "what PDS refused is audited, as for a single record");
    }

    @Test
    void aFileWithNoLoadableRecordIsCpf04() {
        f.pds.answer(new NhsNumber(A), RecordOutcome.CPR02);
        UUID id = f.submit(ISLINGTON, Builder.json(7).cpp(A).unreadable("not a record"));

        processor.processPending();

        assertEquals(FileStatus.CPF04, f.acknowledgement(ISLINGTON, id).fileStatus());
    }

    @Test
    void aFileFoundCorruptPartWayIsCpf01AndNothingOfItIsApplied() {
        UUID id = f.submit(ISLINGTON, Builder.json(7).cpp(A).cpp(B).corrupt("line 3: a quoted field is not closed"));

        processor.processPending();

        UploadAcknowledgement ack = f.acknowledgement(ISLINGTON, id);
        assertEquals(new UploadAcknowledgement(id, id, ISLINGTON, null, FileStatus.CPF01, 0, 0,
                "line 3: a quoted field is not closed"), ack);
        assertEquals(List.of(), f.results(ISLINGTON, id));
        assertEquals(List.of(), f.records.all(), "the records before the fault were not applied");
        assertEquals(Optional.empty(), f.uploads.sequenceHolder(ISLINGTON, SEVEN));
        assertFalse(f.contents.holdsAnyOf(id));
        assertEquals(1, f.formats.opened(), "one framing pass, no apply pass");
    }

    @Test
    void whatAFileSaysOfItselfMustHoldTogether() {
        RequestContext islington = f.la(ISLINGTON);
        UUID csvWithoutNumber = f.submit(islington, null, Builder.csv().cpp(A));
        UUID jsonWithoutNumber = f.submit(islington, null, Builder.jsonWithHeader("").cpp(A));
        UUID jsonBadNumber = f.submit(islington, null, Builder.jsonWithHeader("sequenceNumber=x1").cpp(A));
        UUID differs = f.submit(islington, new SequenceNumber(8), Builder.json(7).cpp(A));
        UUID wrongCount = f.submit(islington, null, Builder.jsonWithHeader("sequenceNumber=9 recordCount=3").cpp(A));
        UUID empty = f.submit(islington, null, Builder.json(10));
        UUID notAFile = f.service.submit(new SubmitUploadCommand(islington, SEVEN,
                new ByteArrayInputStream("<xml/>".getBytes(StandardCharsets.UTF_8))));

        processor.processPending();

        assertEquals("a CSV file needs its sequence number given beside it", detail(csvWithoutNumber));
        assertEquals("the file has no sequenceNumber", detail(jsonWithoutNumber));
        assertTrue(detail(jsonBadNumber).startsWith("sequenceNumber: "), detail(jsonBadNumber));
        assertEquals("the sequenceNumber in the file (7) differs from the one given with it (8)", detail(differs));
        assertEquals("recordCount is not the number of records in the file (1)", detail(wrongCount));
        assertEquals("the file holds no records", detail(empty));
        assertEquals("neither JSON nor CSV", detail(notAFile));
        assertEquals(SEVEN, f.acknowledgement(ISLINGTON, notAFile).sequenceNumber(), "the number given beside it, if any");
        assertEquals(List.of(), f.records.all());
    }

    private String detail(UUID id) {
        UploadAcknowledgement ack = f.acknowledgement(ISLINGTON, id);
        assertEquals(FileStatus.CPF01, ack.fileStatus());
        return ack.detail();
    }

    @Test
    void aCsvFileTakesTheSequenceNumberGivenBesideIt() {
        UUID id = f.submit(f.la(ISLINGTON), SEVEN, Builder.csv().cpp(A));

        processor.processPending();

        assertEquals(SEVEN, f.acknowledgement(ISLINGTON, id).sequenceNumber());
        assertEquals(FileStatus.CPF02, f.acknowledgement(ISLINGTON, id).fileStatus());
    }

    @Test
    void aRepeatedSequenceNumberIsAnsweredWithTheEarlierAcknowledgementAndNotApplied() {
        UUID first = f.submit(ISLINGTON, Builder.json(7).cpp(A));
        processor.processPending();
        f.clock.advance(Duration.ofSeconds(1));
        UUID repeat = f.submit(ISLINGTON, Builder.json(7).cpp(B)
                .record(A, "CPP", "2024-01-15", "2024-02-01", "", "Smith", "Jane", "2015-04-01", "", ""));
        UUID camden = f.submit(CAMDEN, Builder.json(7).cpp(B));

        assertEquals(2, processor.processPending());

        UploadAcknowledgement answer = f.acknowledgement(ISLINGTON, repeat);
        assertEquals(new UploadAcknowledgement(repeat, first, ISLINGTON, SEVEN, FileStatus.CPF02, 1, 1, null), answer);
        assertEquals(f.results(ISLINGTON, first), f.results(ISLINGTON, repeat));
        assertNull(record(ISLINGTON, A, PlanType.CPP).orElseThrow().details().endDate(), "not applied again");
        assertEquals(Optional.empty(), record(ISLINGTON, B, PlanType.CPP));
        assertEquals(FileStatus.CPF02, f.acknowledgement(CAMDEN, camden).fileStatus(), "sequence numbers are per LA");
        assertFalse(f.contents.holdsAnyOf(repeat));
        assertEquals(List.of("CPF02", "CPF02", "CPF02_REPEAT"),
                f.audited("UPLOAD_PROCESS").stream().map(AuditEntry::outcome).sorted().toList());
    }

    @Test
    void aRepeatOfAFileStillBeingProcessedWaitsForItsOutcome() {
        UUID first = f.submit(ISLINGTON, Builder.json(7).cpp(A));
        f.clock.advance(Duration.ofSeconds(1));
        UUID repeat = f.submit(ISLINGTON, Builder.json(7).cpp(B));
        ClaimedUpload elsewhere = f.uploads.claimNext(f.clock.instant(), UploadProcessor.LEASE).orElseThrow();
        assertEquals(first, elsewhere.upload().id());
        f.uploads.holdSequenceNumber(ISLINGTON, SEVEN, first);

        assertEquals(1, processor.processPending(), "the repeat is claimed and put back");
        assertEquals(UploadProgress.PROCESSING, f.status(ISLINGTON, repeat).progress());
        assertNull(f.acknowledgement(ISLINGTON, repeat));

        f.clock.advance(UploadProcessor.LEASE);
        assertEquals(2, processor.processPending(), "the first, whose processor died, then the repeat");

        assertEquals(FileStatus.CPF02, f.acknowledgement(ISLINGTON, first).fileStatus());
        assertEquals(first, f.acknowledgement(ISLINGTON, repeat).resultsOf());
        assertEquals(Optional.empty(), record(ISLINGTON, B, PlanType.CPP));
    }

    @Test
    void whenPdsIsDownTheFileIsCpf05AndItsSequenceNumberFreeForTheResubmission() {
        AtomicInteger asked = new AtomicInteger();
        UploadFixture down = new UploadFixture();
        UploadProcessor failing = new UploadProcessor(down.uploads, down.contents, down.results, down.formats, down.records,
                new CohortMembership(new InMemoryCohorts(down.records), down.clock),
                down.organisations, (nhsNumber, subject) -> {
                    if (asked.incrementAndGet() > 2) {
                        throw new DemographicsUnavailable("PDS down", null);
                    }
                    return Verification.verified();
                }, down.audit, down.transactions, down.clock);
        Builder file = Builder.json(7).cpp(A).cpp(B).cpp(C).cpp(TestData.nhsNumber(4).value());
        UUID id = down.submit(ISLINGTON, file);

        failing.processPending();

        UploadAcknowledgement ack = down.acknowledgement(ISLINGTON, id);
        assertEquals(FileStatus.CPF05, ack.fileStatus());
        assertEquals(4, ack.received());
        assertEquals(2, ack.loaded());
        assertTrue(ack.detail().contains("send the file again"), ack.detail());
        List<RecordResult> results = down.results(ISLINGTON, id);
        assertEquals(List.of(RecordOutcome.CPR06, RecordOutcome.CPR06, RecordOutcome.CPR07, RecordOutcome.CPR07),
                results.stream().map(RecordResult::status).toList());
        assertEquals(UploadProcessor.NOT_PROCESSED, results.get(3).detail());
        assertEquals(Optional.empty(), down.uploads.sequenceHolder(ISLINGTON, SEVEN));

        UUID resent = down.submit(ISLINGTON, file);
        down.processor().processPending();

        assertEquals(FileStatus.CPF02, down.acknowledgement(ISLINGTON, resent).fileStatus());
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "CREATED", "CREATED"),
                down.results(ISLINGTON, resent).stream().map(RecordResult::detail).toList());
    }

    @Test
    void aProcessorThatDiesIsSucceededByOneThatResumesAfterTheLastCommittedBatch() {
        int size = UploadProcessor.BATCH * 2 + 10;
        Builder file = Builder.json(7);
        UploadFixture.nhsNumbers(100, size).forEach(file::cpp);
        UUID id = f.submit(ISLINGTON, file);
        AtomicInteger asked = new AtomicInteger();
        UploadProcessor dying = new UploadProcessor(f.uploads, f.contents, f.results, f.formats, f.records,
                new CohortMembership(new InMemoryCohorts(f.records), f.clock), f.organisations,
                (nhsNumber, subject) -> {
                    if (asked.incrementAndGet() == UploadProcessor.BATCH + 5) {
                        throw new ProcessDied();
                    }
                    return Verification.verified();
                }, f.audit, f.transactions, f.clock);

        assertThrows(ProcessDied.class, dying::processPending);
        assertEquals(UploadProcessor.BATCH, f.results.counts(id).results(), "the first batch was committed");
        assertEquals(0, processor.processPending(), "its claim holds until the lease runs out");

        f.clock.advance(UploadProcessor.LEASE);
        assertEquals(1, processor.processPending());

        UploadAcknowledgement ack = f.acknowledgement(ISLINGTON, id);
        assertEquals(FileStatus.CPF02, ack.fileStatus());
        assertEquals(size, ack.received());
        assertEquals(size, f.records.all().size());
        assertEquals(size, f.audited("PLAN_RECORD:CPP").size(), "each record applied and audited once");
        assertTrue(f.results(ISLINGTON, id).stream().allMatch(result -> "CREATED".equals(result.detail())));
    }

    @Test
    void theNextBatchIsReadAndVerifiedWhileThisOneIsStored() {
        Builder file = Builder.json(7);
        List<String> numbers = UploadFixture.nhsNumbers(100, UploadProcessor.BATCH + 1);
        numbers.forEach(file::cpp);
        UUID id = f.submit(ISLINGTON, file);
        String firstOfNextBatch = numbers.get(UploadProcessor.BATCH);
        CountDownLatch nextBatchAsked = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean firstStore = new AtomicBoolean(true);
        ProtectionRecords waitingForTheReader = intercepting(f.records, "insertAllIfAbsent", args -> {
            if (firstStore.getAndSet(false)) {
                try {
                    overlapped.set(nextBatchAsked.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            @SuppressWarnings("unchecked")
            List<ProtectionRecord> records = (List<ProtectionRecord>) args[0];
            return f.records.insertAllIfAbsent(records);
        });
        UploadProcessor pipelined = new UploadProcessor(f.uploads, f.contents, f.results, f.formats, waitingForTheReader,
                new CohortMembership(new InMemoryCohorts(waitingForTheReader), f.clock), f.organisations,
                (nhsNumber, subject) -> {
                    if (nhsNumber.value().equals(firstOfNextBatch)) {
                        nextBatchAsked.countDown();
                    }
                    return Verification.verified();
                }, f.audit, f.transactions, f.clock);

        pipelined.processPending();

        assertTrue(overlapped.get(), "PDS was asked about the next batch while the first was being stored");
        UploadAcknowledgement ack = f.acknowledgement(ISLINGTON, id);
        assertEquals(FileStatus.CPF02, ack.fileStatus());
        assertEquals(UploadProcessor.BATCH + 1, ack.loaded());
        assertEquals(IntStream.range(0, UploadProcessor.BATCH + 1).boxed().toList(),
                f.results(ISLINGTON, id).stream().map(RecordResult::index).toList(), "stored in file order");
    }

    @Test
    void aProcessorThatLostItsClaimWritesNothingMore() {
        UUID id = f.submit(ISLINGTON, Builder.json(7).cpp(A).cpp(B));
        AtomicInteger asked = new AtomicInteger();
        UploadProcessor[] slow = new UploadProcessor[1];
        slow[0] = new UploadProcessor(f.uploads, f.contents, f.results, f.formats, f.records,
                new CohortMembership(new InMemoryCohorts(f.records), f.clock), f.organisations,
                (nhsNumber, subject) -> {
                    if (asked.incrementAndGet() == 1) {
                        f.clock.advance(UploadProcessor.LEASE.plusSeconds(1));
                        assertEquals(1, processor.processPending(), "another instance takes the file over");
                    }
                    return Verification.verified();
                }, f.audit, f.transactions, f.clock);

        assertEquals(1, slow[0].processPending());

        assertEquals(FileStatus.CPF02, f.acknowledgement(ISLINGTON, id).fileStatus());
        assertEquals(2, f.results.counts(id).results());
        assertEquals(2, f.audited("PLAN_RECORD:CPP").size(), "the slow one applied nothing");
        assertEquals(1, f.audited("UPLOAD_PROCESS").size());
    }

    @Test
    void aRecordThatCannotBeStoredFailsAloneNotWithItsBatch() {
        NhsNumber poisoned = new NhsNumber(B);
        ProtectionRecords failingForOne = intercepting(f.records, "insertAllIfAbsent", args -> {
            @SuppressWarnings("unchecked")
            List<ProtectionRecord> records = (List<ProtectionRecord>) args[0];
            if (records.stream().anyMatch(record -> record.key().nhsNumber().equals(poisoned))) {
                throw new IllegalStateException("a constraint the checks did not foresee");
            }
            return f.records.insertAllIfAbsent(records);
        });
        UUID id = f.submit(ISLINGTON, Builder.json(7).cpp(B).cpp(A).cpp(C));

        f.processor(failingForOne).processPending();

        List<RecordResult> results = f.results(ISLINGTON, id);
        assertEquals(List.of(RecordOutcome.CPR07, RecordOutcome.CPR06, RecordOutcome.CPR06),
                results.stream().map(RecordResult::status).toList());
        assertEquals("the record could not be stored", results.get(0).detail());
        assertEquals(FileStatus.CPF03, f.acknowledgement(ISLINGTON, id).fileStatus());
    }

    @Test
    void aFailingPassIsTriedAgainLater() {
        UUID id = f.submit(ISLINGTON, Builder.json(7).cpp(A));
        ProtectionRecords broken = intercepting(f.records, "insertAllIfAbsent", args -> {
            throw new StoreUnavailable("database down", null);
        });

        assertEquals(1, f.processor(broken).processPending());
        assertNull(f.acknowledgement(ISLINGTON, id));
        assertEquals(0, processor.processPending(), "backing off");

        f.clock.advance(UploadProcessor.backOff(1));
        assertEquals(1, processor.processPending());
        assertEquals(FileStatus.CPF02, f.acknowledgement(ISLINGTON, id).fileStatus());
    }

    @Test
    void backOffDoublesToAnHour() {
        assertEquals(Duration.ofSeconds(10), UploadProcessor.backOff(1));
        assertEquals(Duration.ofSeconds(20), UploadProcessor.backOff(2));
        assertEquals(Duration.ofHours(1), UploadProcessor.backOff(30));
    }

    @Test
    void submissionsThatNeverCompletedAreClearedAwayAfterADay() {
        Upload abandoned = new Upload(UUID.randomUUID(), f.la(ISLINGTON).actor(), "req", null, f.clock.instant());
        f.uploads.create(abandoned);
        f.contents.append(abandoned.id(), 0, new byte[] {1}, 1);

        processor.processPending();
        assertTrue(f.uploads.find(abandoned.id()).isPresent());

        f.clock.advance(UploadProcessor.ABANDONED_AFTER.plusSeconds(1));
        processor.processPending();
        assertEquals(Optional.empty(), f.uploads.find(abandoned.id()));
        assertFalse(f.contents.holdsAnyOf(abandoned.id()));
    }

    /** Stands for the JVM dying: not an exception the processor handles. */
    private static final class ProcessDied extends Error {
    }

    /** The store, except that calls of the named method go to {@code override}. */
    private static ProtectionRecords intercepting(ProtectionRecords store, String method, Function<Object[], Object> override) {
        return (ProtectionRecords) Proxy.newProxyInstance(ProtectionRecords.class.getClassLoader(),
                new Class<?>[] {ProtectionRecords.class}, (proxy, called, args) -> {
                    if (called.getName().equals(method)) {
                        return override.apply(args);
                    }
                    try {
                        return called.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
