package org.opencpis.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.plan.port.out.RecordChanges;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.upload.port.out.UploadContents;
import org.opencpis.application.upload.port.out.UploadFormats;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.application.upload.service.UploadAcknowledgementRelay;
import org.opencpis.application.upload.service.UploadProcessor;
import org.opencpis.application.upload.service.UploadService;

/**
 * Builds the batch-upload services (CONTRACT §7, ADR 0008) from the adapters' out-port beans. Each
 * declares its own transaction boundaries through {@link Transactions}.
 */
@Factory
public class UploadWiring {

    @Singleton
    UploadService uploadService(Uploads uploads, UploadContents contents, UploadResults results,
                                Organisations organisations, AuditTrail audit, Transactions transactions, Clock clock) {
        return new UploadService(uploads, contents, results, organisations, audit, transactions, clock);
    }

    @Singleton
    UploadProcessor uploadProcessor(Uploads uploads, UploadContents contents, UploadResults results,
                                    UploadFormats formats, ProtectionRecords records, RecordChanges membership,
                                    Organisations organisations, Demographics demographics, AuditTrail audit,
                                    Transactions transactions, Clock clock) {
        return new UploadProcessor(uploads, contents, results, formats, records, membership, organisations, demographics,
                audit, transactions, clock);
    }

    @Singleton
    UploadAcknowledgementRelay uploadAcknowledgementRelay(Uploads uploads, UploadResults results,
                                                          Organisations organisations, SpineMessaging messaging,
                                                          Transactions transactions, Clock clock) {
        return new UploadAcknowledgementRelay(uploads, results, organisations, messaging, transactions, clock);
    }
}
