package org.opencpis.application.upload.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.LineUploadFormats.Builder;
import org.opencpis.application.testing.TestData;
import org.opencpis.application.upload.port.in.ReadUploadUseCase;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase.SubmitUploadCommand;
import org.opencpis.application.upload.port.in.UploadRejected;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.UploadProgress;

class UploadServiceTest {
    private final UploadFixture f = new UploadFixture();

    @Test
    void aFileIsStoredChunkByChunkAndWaitsToBeProcessed() {
        byte[] content = new byte[UploadService.CHUNK * 2 + 123];
        new Random(1).nextBytes(content);
        RequestContext sender = f.la(ISLINGTON);

        UUID id = f.service.submit(new SubmitUploadCommand(sender, new SequenceNumber(5), new ByteArrayInputStream(content)));

        ReadUploadUseCase.UploadStatus status = f.status(ISLINGTON, id);
        assertEquals(UploadProgress.RECEIVED, status.progress());
        assertEquals(new SequenceNumber(5), status.givenSequenceNumber());
        assertNull(status.acknowledgement());
        assertArrayEquals(content, stored(id));
        assertEquals(3, chunks(id));
        List<AuditEntry> submitted = f.audited("UPLOAD_SUBMIT");
        assertEquals(1, submitted.size());
        assertEquals(sender.actor(), submitted.get(0).actor());
        assertEquals("RECEIVED", submitted.get(0).outcome());
        assertNull(submitted.get(0).nhsNumber());
    }

    @Test
    void aFileOfExactlyOneChunkIsStoredWhole() {
        byte[] content = new byte[UploadService.CHUNK];
        UUID id = f.service.submit(new SubmitUploadCommand(f.la(ISLINGTON), null, new ByteArrayInputStream(content)));
        assertEquals(1, chunks(id));
        assertArrayEquals(content, stored(id));
    }

    @Test
    void onlyARegisteredLocalAuthorityMayUpload() {
        RequestContext unknown = f.la(new OdsCode("799"));

        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> f.submit(unknown, null, Builder.json(1).cpp(TestData.nhsNumber(1).value())));

        assertEquals("UNKNOWN_ORGANISATION", rejected.code());
        assertEquals("REJECTED_UNKNOWN_ORGANISATION", f.audited("UPLOAD_SUBMIT").get(0).outcome());
    }

    @Test
    void anEmptyUploadIsRefused() {
        UploadRejected rejected = assertThrows(UploadRejected.class, () -> f.service.submit(
                new SubmitUploadCommand(f.la(ISLINGTON), null, new ByteArrayInputStream(new byte[0]))));
        assertEquals("EMPTY_UPLOAD", rejected.code());
    }

    @Test
    void anUploadThatBreaksOffLeavesNothingBehind() {
        InputStream breaksOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > UploadService.CHUNK + 10) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        UploadRejected rejected = assertThrows(UploadRejected.class,
                () -> f.service.submit(new SubmitUploadCommand(f.la(ISLINGTON), null, breaksOff)));

        assertEquals("UPLOAD_INTERRUPTED", rejected.code());
        assertEquals(Optional.empty(), f.uploads.claimNext(f.clock.instant(), UploadProcessor.LEASE));
        assertEquals(List.of("REJECTED_UPLOAD_INTERRUPTED"), f.audited("UPLOAD_SUBMIT").stream().map(AuditEntry::outcome).toList());
    }

    @Test
    void anLaReadsItsOwnUploadsOnlyAndEachReadIsAudited() {
        UUID id = f.submit(ISLINGTON, Builder.json(1).cpp(TestData.nhsNumber(1).value()));

        assertTrue(f.service.read(f.la(ISLINGTON), id).isPresent());
        assertEquals(Optional.empty(), f.service.read(f.la(CAMDEN), id));
        assertEquals(Optional.empty(), f.service.read(f.la(ISLINGTON), UUID.randomUUID()));
        assertEquals(List.of("RECEIVED", "NOT_FOUND", "NOT_FOUND"),
                f.audited("UPLOAD_READ").stream().map(AuditEntry::outcome).toList());

        f.processor().processPending();
        assertEquals(1, f.service.results(f.la(ISLINGTON), id, 0, 10).size());
        assertEquals(List.of(), f.service.results(f.la(CAMDEN), id, 0, 10), "another LA's results are not found");
    }

    @Test
    void resultsArePagedInIndexOrder() {
        Builder file = Builder.json(1);
        UploadFixture.nhsNumbers(1, 25).forEach(file::cpp);
        UUID id = f.submit(ISLINGTON, file);
        assertEquals(List.of(), f.service.results(f.la(ISLINGTON), id, 0, 10), "nothing before it is processed");
        f.processor().processPending();

        List<RecordResult> page = f.service.results(f.la(ISLINGTON), id, 20, 10);

        assertEquals(List.of(20, 21, 22, 23, 24), page.stream().map(RecordResult::index).toList());
        assertEquals(25, f.results(ISLINGTON, id).size());
        assertThrows(DomainViolation.class, () -> f.service.results(f.la(ISLINGTON), id, -1, 10));
        assertThrows(DomainViolation.class, () -> f.service.results(f.la(ISLINGTON), id, 0, 0));
        assertThrows(DomainViolation.class,
                () -> f.service.results(f.la(ISLINGTON), id, 0, ReadUploadUseCase.MAX_RESULTS + 1));
    }

    private byte[] stored(UUID id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new StoredContent(id, f.contents, f.transactions)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private int chunks(UUID id) {
        int chunks = 0;
        while (f.contents.chunk(id, chunks).isPresent()) {
            chunks++;
        }
        assertFalse(f.contents.chunk(id, chunks).isPresent());
        return chunks;
    }
}
