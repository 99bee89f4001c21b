package org.opencpis.application.upload.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.in.ReadUploadUseCase;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase;
import org.opencpis.application.upload.port.in.UploadRejected;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.application.upload.port.out.Uploads.StoredUpload;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadProgress;

/**
 * Receiving upload files and reading their acknowledgements.
 *
 * <p>A file is stored a chunk at a time, each chunk in a short transaction of its own, so that no
 * transaction stays open while the sender's bytes arrive and memory holds one chunk. The upload is
 * created {@link UploadProgress#RECEIVING} and becomes due for processing only once its last chunk
 * is stored; a submission that breaks off is removed (and one that a crash left behind is removed
 * by the processor a day later).
 */
public final class UploadService implements SubmitUploadUseCase, ReadUploadUseCase {
    static final int CHUNK = 512 * 1024;

    private final Uploads uploads;
    private final UploadContents contents;
    private final UploadResults results;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public UploadService(Uploads uploads, UploadContents contents, UploadResults results, Organisations organisations,
                         AuditTrail audit, Transactions transactions, Clock clock) {
        this.uploads = uploads;
        this.contents = contents;
        this.results = results;
        this.organisations = organisations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UUID submit(SubmitUploadCommand command) {
        RequestContext context = command.context();
        OdsCode localAuthority = context.actor().organisation();
        boolean registeredLa = transactions.inTransaction(() -> organisations.find(localAuthority))
                .filter(Organisation::isLocalAuthority).isPresent();
        if (!registeredLa) {
            throw rejected(context, "UNKNOWN_ORGANISATION",
                    "organisation " + localAuthority + " is not a registered local authority");
        }
        byte[] buffer = new byte[CHUNK];
        int filled = fill(context, command.content(), buffer);
        if (filled == 0) {
            throw rejected(context, "EMPTY_UPLOAD", "the upload has no content");
        }
        Upload upload = new Upload(UUID.randomUUID(), context.actor(), context.requestId(), command.sequenceNumber(),
                clock.instant());
        UUID id = upload.id();
        transactions.run(() -> uploads.create(upload));
        boolean stored = false;
        try {
            long size = 0;
            for (int chunk = 0; filled > 0; chunk++) {
                int number = chunk;
                int length = filled;
                transactions.run(() -> contents.append(id, number, buffer, length));
                size += length;
                filled = filled == buffer.length ? fill(context, command.content(), buffer) : 0;
            }
            long total = size;
            transactions.run(() -> {
                uploads.markReceived(id, total, clock.instant());
                append(context, "UPLOAD_SUBMIT", "RECEIVED");
            });
            stored = true;
        } finally {
            if (!stored) {
                discardQuietly(id);
            }
        }
        return id;
    }

    /** Reads until the buffer is full or the content ends; @return how many bytes were read */
    private int fill(RequestContext context, InputStream content, byte[] buffer) {
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int read = content.read(buffer, filled, buffer.length - filled);
                if (read < 0) {
                    break;
                }
                filled += read;
            }
        } catch (IOException e) {
            throw rejected(context, "UPLOAD_INTERRUPTED", "the upload could not be read to its end; send it again");
        }
        return filled;
    }

    private void discardQuietly(UUID id) {
        try {
            transactions.run(() -> {
                contents.delete(id);
                uploads.discard(id);
            });
        } catch (RuntimeException e) {
            // left RECEIVING: the processor removes it once abandoned
        }
    }

    private UploadRejected rejected(RequestContext context, String code, String detail) {
        transactions.run(() -> append(context, "UPLOAD_SUBMIT", "REJECTED_" + code));
        return new UploadRejected(code, detail);
    }

    @Override
    public Optional<UploadStatus> read(RequestContext context, UUID uploadId) {
        return transactions.inTransaction(() -> {
            Optional<StoredUpload> found = own(context, uploadId);
            append(context, "UPLOAD_READ", found.map(stored -> stored.progress().name()).orElse("NOT_FOUND"));
            return found.map(stored -> new UploadStatus(uploadId, stored.progress(),
                    stored.upload().givenSequenceNumber(), stored.acknowledgement()));
        });
    }

    @Override
    public List<RecordResult> results(RequestContext context, UUID uploadId, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new DomainViolation("INVALID_PAGE", "fromIndex", "fromIndex starts at 0");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new DomainViolation("INVALID_PAGE", "limit", "limit is 1 to " + MAX_RESULTS);
        }
        return transactions.inTransaction(() -> own(context, uploadId)
                .filter(stored -> stored.acknowledgement() != null)
                .map(stored -> results.list(stored.acknowledgement().resultsOf(), fromIndex, limit))
                .orElse(List.of()));
    }

    private Optional<StoredUpload> own(RequestContext context, UUID uploadId) {
        return uploads.find(uploadId)
                .filter(stored -> stored.upload().localAuthority().equals(context.actor().organisation()));
    }

    private void append(RequestContext context, String action, String outcome) {
        audit.append(new AuditEntry(clock.instant(), context.actor(), action, null, context.requestId(), outcome));
    }
}
