package org.opencpis.application.upload.service;

import org.opencpis.application.plan.port.out.RecordChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.in.ProcessUploadsUseCase;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;
import org.opencpis.application.upload.port.out.UploadFormats;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.application.upload.port.out.Uploads.ClaimedUpload;
import org.opencpis.application.upload.port.out.Uploads.StoredUpload;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.CheckedRecord;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadedRecord;

/**
 * Processes stored uploads (ADR 0008). For each claimed file:
 * <ol>
 *   <li><b>Framing pass</b>: the whole file is read once, applying nothing, to learn that it can be
 *   read to its end, how many records it holds and its sequence number (which JSON may give after
 *   the records). A file that fails is answered CPF01 with nothing applied.</li>
 *   <li><b>Sequence number</b>: the file takes the LA's sequence number unless another file holds
 *   it. A file that repeats an applied number is answered with that file's acknowledgement; one
 *   whose number is held by a file still in progress waits for it.</li>
 *   <li><b>Apply pass</b>: records are read again in batches of {@link #BATCH}. Each record is
 *   checked by the rules of CONTRACT §6 (CPR07 with the field errors), verified against PDS outside
 *   any transaction (CPR01..CPR05), and, when verified, created or updated idempotently (CPR06).
 *   A batch — its records, their audit entries and their results — commits in one transaction,
 *   which also renews the claim, in a few statements whatever its size ({@link RecordKeeping}); if
 *   it fails, its records are retried one per transaction, so one bad record never takes others
 *   with it and a record is all or nothing. The next batch is read, checked and verified on a
 *   reader thread while this one is stored; batches are stored one after another, in file order.</li>
 *   <li><b>Answer</b>: CPF02/03/04 from the counts; the content is deleted and the acknowledgement
 *   becomes due for delivery.</li>
 * </ol>
 * When PDS cannot be reached the file is answered CPF05: the records already applied stay applied
 * (applying them again is harmless), the rest are answered CPR07 "not processed", and the sequence
 * number is freed so that the LA can send the file again. A processor that dies leaves a claim that
 * runs out; the next resumes after the last committed batch, so no record is applied or audited twice.
 */
public final class UploadProcessor implements ProcessUploadsUseCase {
    private static final System.Logger LOG = System.getLogger(UploadProcessor.class.getName());
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration WAIT_FOR_EARLIER = Duration.ofSeconds(10);
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final int BATCH = 250;
    static final int MAX_CLAIMS_PER_PASS = 100;
    static final String NOT_PROCESSED = "not processed: PDS was unavailable; send the file again with the same sequence number";

    private final Uploads uploads;
    private final UploadContents contents;
    private final UploadResults results;
    private final UploadFormats formats;
    private final ProtectionRecords records;
    private final RecordChanges membership;
    private final Organisations organisations;
    private final Demographics demographics;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public UploadProcessor(Uploads uploads, UploadContents contents, UploadResults results, UploadFormats formats,
                           ProtectionRecords records, RecordChanges membership, Organisations organisations,
                           Demographics demographics, AuditTrail audit, Transactions transactions, Clock clock) {
        this.uploads = uploads;
        this.membership = membership;
        this.contents = contents;
        this.results = results;
        this.formats = formats;
        this.records = records;
        this.organisations = organisations;
        this.demographics = demographics;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int processPending() {
        discardAbandoned();
        int claimed = 0;
        while (claimed < MAX_CLAIMS_PER_PASS) {
            Optional<ClaimedUpload> next = transactions.inTransaction(() -> uploads.claimNext(clock.instant(), LEASE));
            if (next.isEmpty()) {
                break;
            }
            claimed++;
            process(next.get());
        }
        return claimed;
    }

    private void discardAbandoned() {
        transactions.run(() -> uploads.discardAbandoned(clock.instant().minus(ABANDONED_AFTER)).forEach(contents::delete));
    }

    private void process(ClaimedUpload claimed) {
        UUID id = claimed.upload().id();
        try {
            new Run(claimed).run();
        } catch (LostClaim e) {
            LOG.log(System.Logger.Level.WARNING, "Upload " + id + " was claimed by another processor; this one stopped");
        } catch (RuntimeException e) {
            Duration wait = backOff(claimed.attempt());
            LOG.log(System.Logger.Level.WARNING, "Upload " + id + " could not be processed (" + e.getClass().getSimpleName()
                    + "); it will be tried again in " + wait);
            try {
                transactions.run(() -> uploads.postpone(id, claimed.claim(), clock.instant().plus(wait)));
            } catch (RuntimeException ignored) {
                // the claim runs out by itself
            }
        }
    }

    /** 10 s after the first attempt, doubling with each further attempt, never more than an hour. */
    static Duration backOff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The reader's batch, or what it threw, as it threw it. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** This processor no longer holds the upload's claim: another took it over after the lease ran out. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("the claim no longer holds", null, false, false);
        }
    }

    private record Framing(SequenceNumber sequenceNumber, int records) {
    }

    /** One slot of a batch: a record to store, or its result already known. */
    private record Slot(UploadEntry entry, RecordKeeping.ToStore toStore, RecordResult decided, RecordKey rejectedKey) {
    }

    /** The processing of one claimed upload. */
    private final class Run {
        private final ClaimedUpload claimed;
        private final Upload upload;
        private final UUID id;
        private final OdsCode localAuthority;
        private final RequestContext context;
        private final RecordKeeping keeping = new RecordKeeping(records, membership);
        /** Set by the reader thread; read by this one after the reader's batches were awaited. */
        private volatile boolean pdsDown;
        private boolean registeredLa;

        Run(ClaimedUpload claimed) {
            this.claimed = claimed;
            this.upload = claimed.upload();
            this.id = upload.id();
            this.localAuthority = upload.localAuthority();
            this.context = new RequestContext(upload.submittedBy(), upload.requestId());
        }

        void run() {
            Framing framing;
            try {
                framing = frame();
            } catch (CorruptUpload e) {
                answer(new UploadAcknowledgement(id, id, localAuthority, upload.givenSequenceNumber(), FileStatus.CPF01,
                        0, 0, e.getMessage()));
                return;
            }
            SequenceNumber sequenceNumber = framing.sequenceNumber();
            UUID holder = transactions.inTransaction(() -> uploads.holdSequenceNumber(localAuthority, sequenceNumber, id));
            if (!holder.equals(id)) {
                answerRepeatOrWait(holder);
                return;
            }
            registeredLa = transactions.inTransaction(() -> organisations.find(localAuthority))
                    .filter(Organisation::isLocalAuthority).isPresent();
            applyRecords();
            transactions.run(() -> {
                UploadResults.Counts counts = results.counts(id);
                FileStatus status = pdsDown ? FileStatus.CPF05 : FileStatus.forLoaded(counts.results(), counts.loaded());
                String detail = pdsDown ? "PDS was unavailable: " + counts.loaded()
                        + " records were loaded before it failed; send the file again with the same sequence number" : null;
                finish(new UploadAcknowledgement(id, id, localAuthority, sequenceNumber, status, counts.results(),
                        counts.loaded(), detail));
                if (!status.consumesSequenceNumber()) {
                    uploads.releaseSequenceNumber(localAuthority, sequenceNumber, id);
                }
            });
        }

        /** Reads the file to its end, applying nothing. */
        private Framing frame() {
            int count = 0;
            try (UploadFile file = formats.open(new StoredContent(id, contents, transactions))) {
                while (file.next() != null) {
                    count++;
                }
                SequenceNumber sequenceNumber = sequenceNumberOf(file, count);
                if (count == 0) {
                    throw new CorruptUpload("the file holds no records");
                }
                return new Framing(sequenceNumber, count);
            }
        }

        private SequenceNumber sequenceNumberOf(UploadFile file, int count) {
            SequenceNumber given = upload.givenSequenceNumber();
            if (file.format() == UploadFile.Format.CSV) {
                if (given == null) {
                    throw new CorruptUpload("a CSV file needs its sequence number given beside it");
                }
                return given;
            }
            UploadFile.Facts facts = file.facts();
            if (facts.sequenceNumber() == null) {
                throw new CorruptUpload("the file has no sequenceNumber");
            }
            SequenceNumber inFile;
            try {
                inFile = SequenceNumber.parse(facts.sequenceNumber());
            } catch (DomainViolation e) {
                throw new CorruptUpload("sequenceNumber: " + e.getMessage());
            }
            if (given != null && !given.equals(inFile)) {
                throw new CorruptUpload("the sequenceNumber in the file (" + inFile + ") differs from the one given with it ("
                        + given + ")");
            }
            if (facts.recordCount() != null && !facts.recordCount().strip().equals(Integer.toString(count))) {
                throw new CorruptUpload("recordCount is not the number of records in the file (" + count + ")");
            }
            return inFile;
        }

        private void answerRepeatOrWait(UUID holder) {
            UploadAcknowledgement earlier = transactions.inTransaction(() -> uploads.find(holder))
                    .map(StoredUpload::acknowledgement).orElse(null);
            if (earlier != null && earlier.fileStatus().consumesSequenceNumber()) {
                transactions.run(() -> finish(new UploadAcknowledgement(id, earlier.resultsOf(), localAuthority,
                        earlier.sequenceNumber(), earlier.fileStatus(), earlier.received(), earlier.loaded(), earlier.detail())));
            } else {
                Instant due = earlier == null ? clock.instant().plus(WAIT_FOR_EARLIER) : clock.instant();
                transactions.run(() -> uploads.postpone(id, claimed.claim(), due));
            }
        }

        private void answer(UploadAcknowledgement acknowledgement) {
            transactions.run(() -> finish(acknowledgement));
        }

        /** Inside a transaction: the answer, the content forgotten, and the outcome audited. */
        private void finish(UploadAcknowledgement acknowledgement) {
            if (!uploads.finish(claimed.claim(), acknowledgement, clock.instant())) {
                throw new LostClaim();
            }
            contents.delete(id);
            String outcome = acknowledgement.fileStatus().name() + (acknowledgement.isRepeat() ? "_REPEAT" : "");
            audit.append(new AuditEntry(clock.instant(), context.actor(), "UPLOAD_PROCESS", null, context.requestId(), outcome));
        }

        /**
         * Reads and decides the records after those already answered, a batch at a time on a reader
         * thread, while this thread stores the batch before: the reading, the checks and PDS overlap
         * with the database's work. The batches are still stored one after another, in file order.
         */
        private void applyRecords() {
            int resumeAt = transactions.inTransaction(() -> results.counts(id)).results();
            if (resumeAt > 0) {
                pdsDown = transactions.inTransaction(() -> results.list(id, resumeAt - 1, 1)).stream()
                        .anyMatch(result -> NOT_PROCESSED.equals(result.detail()));
            }
            ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "upload-reader-" + id);
                thread.setDaemon(true);
                return thread;
            });
            try (UploadFile file = formats.open(new StoredContent(id, contents, transactions))) {
                Batches batches = new Batches(file, resumeAt);
                CompletableFuture<List<Slot>> next = CompletableFuture.supplyAsync(batches::next, reader);
                try {
                    for (List<Slot> slots = await(next); !slots.isEmpty(); slots = await(next)) {
                        next = CompletableFuture.supplyAsync(batches::next, reader);
                        store(slots);
                    }
                } finally {
                    next.handle((slots, failure) -> null).join(); // the reader is done with the file before it closes
                }
            } catch (CorruptUpload e) {
                throw new IllegalStateException("the stored content changed after its framing pass", e);
            } finally {
                reader.shutdown();
            }
        }

        /** The file's records from {@code resumeAt}, read and decided a batch at a time (by one thread at a time). */
        private final class Batches {
            private final UploadFile file;
            private final int resumeAt;
            private boolean ended;

            Batches(UploadFile file, int resumeAt) {
                this.file = file;
                this.resumeAt = resumeAt;
            }

            /** The next batch, decided; empty at the end of the file. */
            List<Slot> next() {
                List<Slot> slots = new ArrayList<>(BATCH);
                while (!ended && slots.size() < BATCH) {
                    UploadEntry entry = file.next();
                    if (entry == null) {
                        ended = true;
                    } else if (entry.index() >= resumeAt) {
                        slots.add(decide(entry));
                    }
                }
                return slots;
            }
        }

        private void store(List<Slot> slots) {
            try {
                transactions.run(() -> {
                    renewClaim();
                    results.save(id, complete(slots));
                });
            } catch (LostClaim | StoreUnavailable e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A batch of upload " + id + " failed (" + e.getClass().getSimpleName()
                        + "); its records are applied one at a time");
                slots.forEach(this::applyAlone);
            }
        }

        /** A record in a transaction of its own; if even that fails, it is answered CPR07. */
        private void applyAlone(Slot slot) {
            try {
                transactions.run(() -> {
                    renewClaim();
                    results.save(id, complete(List.of(slot)));
                });
            } catch (LostClaim | StoreUnavailable e) {
                throw e;
            } catch (RuntimeException e) {
                transactions.run(() -> {
                    renewClaim();
                    results.save(id, List.of(result(slot.entry(), RecordOutcome.CPR07, "the record could not be stored")));
                });
            }
        }

        private void renewClaim() {
            if (!uploads.renew(id, claimed.claim(), clock.instant().plus(LEASE))) {
                throw new LostClaim();
            }
        }

        /** Outside any transaction: checks the record and asks PDS about it. */
        private Slot decide(UploadEntry entry) {
            if (pdsDown) {
                return decided(entry, RecordOutcome.CPR07, NOT_PROCESSED);
            }
            if (entry instanceof UploadEntry.Unreadable unreadable) {
                return decided(entry, RecordOutcome.CPR07, unreadable.detail());
            }
            UploadedRecord record = ((UploadEntry.Readable) entry).record();
            if (!registeredLa) {
                return decided(entry, RecordOutcome.CPR07, "UNKNOWN_ORGANISATION: organisation " + localAuthority
                        + " is not a registered local authority");
            }
            CheckedRecord checked = CheckedRecord.check(localAuthority, record);
            if (checked instanceof CheckedRecord.Invalid invalid) {
                return decided(entry, RecordOutcome.CPR07, invalid.detail());
            }
            CheckedRecord.Valid valid = (CheckedRecord.Valid) checked;
            Verification verification;
            try {
                verification = demographics.verify(valid.key().nhsNumber(), valid.details().subject());
            } catch (DemographicsUnavailable e) {
                pdsDown = true;
                return decided(entry, RecordOutcome.CPR07, NOT_PROCESSED);
            }
            if (verification.isVerified()) {
                return new Slot(entry, new RecordKeeping.ToStore(valid.key(), valid.details(), verification.placement()), null, null);
            }
            String detail = verification.supersededBy() == null ? verification.detail()
                    : verification.detail() + "; use NHS number " + verification.supersededBy();
            RecordResult rejected = new RecordResult(entry.index(), valid.key().nhsNumber().value(),
                    valid.key().planType().name(), verification.outcome(), detail);
            return new Slot(entry, null, rejected, valid.key());
        }

        private Slot decided(UploadEntry entry, RecordOutcome outcome, String detail) {
            return new Slot(entry, null, result(entry, outcome, detail), null);
        }

        /**
         * Inside the batch's transaction: stores the verified records, audits each record stored or
         * refused by PDS (in the slots' order), and answers each slot.
         */
        private List<RecordResult> complete(List<Slot> slots) {
            List<RecordKeeping.ToStore> toStore = slots.stream().map(Slot::toStore).filter(Objects::nonNull).toList();
            Iterator<RecordKeeping.Change> changes = keeping.storeAll(toStore).iterator();
            List<AuditEntry> entries = new ArrayList<>(slots.size());
            List<RecordResult> answered = new ArrayList<>(slots.size());
            for (Slot slot : slots) {
                if (slot.toStore() != null) {
                    RecordKey key = slot.toStore().key();
                    String change = changes.next().name();
                    entries.add(recordEntry(key, change));
                    answered.add(new RecordResult(slot.entry().index(), key.nhsNumber().value(), key.planType().name(),
                            RecordOutcome.CPR06, change));
                } else {
                    if (slot.rejectedKey() != null) {
                        entries.add(recordEntry(slot.rejectedKey(), "REJECTED_" + slot.decided().status().name()));
                    }
                    answered.add(slot.decided());
                }
            }
            audit.appendAll(entries);
            return answered;
        }

        private AuditEntry recordEntry(RecordKey key, String outcome) {
            return new AuditEntry(clock.instant(), context.actor(), "PLAN_RECORD:" + key.planType(), key.nhsNumber(),
                    context.requestId(), outcome);
        }

        private RecordResult result(UploadEntry entry, RecordOutcome outcome, String detail) {
            String nhsNumber;
            String planType;
            if (entry instanceof UploadEntry.Readable readable) {
                nhsNumber = echoNhsNumber(readable.record().nhsNumber());
                planType = readable.record().planType();
            } else {
                UploadEntry.Unreadable unreadable = (UploadEntry.Unreadable) entry;
                nhsNumber = echoNhsNumber(unreadable.nhsNumber());
                planType = unreadable.planType();
            }
            return new RecordResult(entry.index(), nhsNumber, planType, outcome, detail);
        }

        /** A valid NHS number as its ten digits; anything else as sent (cut to length). */
        private static String echoNhsNumber(String raw) {
            if (raw == null) {
                return null;
            }
            String compact = raw.replace(" ", "");
            return NhsNumber.isValid(compact) ? compact : raw;
        }
    }
}
