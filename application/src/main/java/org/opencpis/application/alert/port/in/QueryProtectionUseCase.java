package org.opencpis.application.alert.port.in;

import java.util.List;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.alert.AccessKind;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;

/**
 * The CP-IS query: is this person on a plan, and whom to phone. Answers every record visible
 * today (active; ended within the plan type's window; never withdrawn) with its responsible LA.
 *
 * <p>Every query is audited. An {@link AccessKind#UNSCHEDULED} query of a person with visible
 * records also records an access event and one Access to Service Notification per responsible
 * LA, in the same transaction as the audit entry, so none is lost or duplicated. A
 * {@link AccessKind#SILENT} read is audited only.
 */
public interface QueryProtectionUseCase {

    List<ResponsibleRecord> query(RequestContext context, NhsNumber nhsNumber, AccessKind kind);

    /** A visible record and the local authority responsible for it (its name and phones). */
    record ResponsibleRecord(ProtectionRecord record, Organisation localAuthority) {
    }
}
