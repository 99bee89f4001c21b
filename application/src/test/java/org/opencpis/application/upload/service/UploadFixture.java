package org.opencpis.application.upload.service;

import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.cohort.service.CohortMembership;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.InMemoryUploadContents;
import org.opencpis.application.testing.InMemoryUploadResults;
import org.opencpis.application.testing.InMemoryUploads;
import org.opencpis.application.testing.LineUploadFormats;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.RecordingSpineMessaging;
import org.opencpis.application.testing.StubDemographics;
import org.opencpis.application.testing.TestData;
import org.opencpis.application.upload.port.in.ReadUploadUseCase;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase.SubmitUploadCommand;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.UploadAcknowledgement;

/** The upload services over in-memory fakes, with a fixed clock, for the service tests. */
final class UploadFixture {
    final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    final InMemoryUploads uploads = new InMemoryUploads();
    final InMemoryUploadContents contents = new InMemoryUploadContents();
    final InMemoryUploadResults results = new InMemoryUploadResults();
    final LineUploadFormats formats = new LineUploadFormats();
    final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
    final InMemoryOrganisations organisations = new InMemoryOrganisations();
    final StubDemographics pds = new StubDemographics();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final RecordingSpineMessaging messaging = new RecordingSpineMessaging();
    final Transactions transactions = new DirectTransactions();
    final UploadService service = new UploadService(uploads, contents, results, organisations, audit, transactions, clock);
    final UploadAcknowledgementRelay relay = new UploadAcknowledgementRelay(uploads, results, organisations, messaging,
            transactions, clock);

    UploadFixture() {
        organisations.save(TestData.localAuthority(TestData.ISLINGTON));
        organisations.save(TestData.localAuthority(TestData.CAMDEN));
    }

    UploadProcessor processor() {
        return processor(records);
    }

    UploadProcessor processor(ProtectionRecords store) {
        return new UploadProcessor(uploads, contents, results, formats, store,
                new CohortMembership(new InMemoryCohorts(store), clock), organisations, pds, audit, transactions, clock);
    }

    RequestContext la(OdsCode localAuthority) {
        return TestData.laContext(localAuthority);
    }

    UUID submit(RequestContext context, SequenceNumber given, LineUploadFormats.Builder file) {
        return service.submit(new SubmitUploadCommand(context, given, new ByteArrayInputStream(file.bytes())));
    }

    UUID submit(OdsCode localAuthority, LineUploadFormats.Builder file) {
        return submit(la(localAuthority), null, file);
    }

    ReadUploadUseCase.UploadStatus status(OdsCode localAuthority, UUID id) {
        return service.read(la(localAuthority), id).orElseThrow();
    }

    UploadAcknowledgement acknowledgement(OdsCode localAuthority, UUID id) {
        return status(localAuthority, id).acknowledgement();
    }

    List<RecordResult> results(OdsCode localAuthority, UUID id) {
        List<RecordResult> all = new ArrayList<>();
        for (int from = 0; ; ) {
            List<RecordResult> page = service.results(la(localAuthority), id, from, 100);
            all.addAll(page);
            if (page.size() < 100) {
                return all;
            }
            from = page.get(page.size() - 1).index() + 1;
        }
    }

    List<AuditEntry> audited(String action) {
        return audit.entries().stream().map(ChainedAuditEntry::entry).filter(entry -> entry.action().equals(action)).toList();
    }

    /** {@code n} distinct valid test NHS numbers from {@code from}. */
    static List<String> nhsNumbers(int from, int n) {
        List<String> numbers = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            numbers.add(TestData.nhsNumber(i).value());
        }
        return numbers;
    }
}
