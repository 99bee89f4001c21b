package org.opencpis.application.alert.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.alert.port.in.QueryProtectionUseCase;
import org.opencpis.application.alert.port.in.ReadAccessHistoryUseCase;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessKind;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** The CP-IS query and the access history: reads, the access event, its notifications and the audit entry in one transaction. */
public final class ProtectionQueryService implements QueryProtectionUseCase, ReadAccessHistoryUseCase {
    private final ProtectionRecords records;
    private final Organisations organisations;
    private final AccessEvents accessEvents;
    private final AccessNotifications notifications;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public ProtectionQueryService(ProtectionRecords records, Organisations organisations, AccessEvents accessEvents,
                                  AccessNotifications notifications, AuditTrail audit, Transactions transactions,
                                  Clock clock) {
        this.records = records;
        this.organisations = organisations;
        this.accessEvents = accessEvents;
        this.notifications = notifications;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<ResponsibleRecord> query(RequestContext context, NhsNumber nhsNumber, AccessKind kind) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock);
            List<ProtectionRecord> visible = records.findCurrent(nhsNumber).stream()
                    .filter(record -> record.isVisibleOn(today))
                    .toList();
            boolean recordsAccess = kind == AccessKind.UNSCHEDULED && !visible.isEmpty();
            // One look-up for every organisation the answer and the access event name.
            Set<OdsCode> named = new LinkedHashSet<>();
            visible.forEach(record -> named.add(record.key().localAuthority()));
            if (recordsAccess) {
                named.add(context.actor().organisation());
            }
            Map<OdsCode, Organisation> registered = organisations.findAll(named);
            List<ResponsibleRecord> answer = visible.stream()
                    .map(record -> new ResponsibleRecord(record, registered.get(record.key().localAuthority())))
                    .toList();
            if (recordsAccess) {
                Organisation accessor = registered.get(context.actor().organisation());
                String organisationName = accessor == null ? null : accessor.name();
                AccessEvent access = new AccessEvent(UUID.randomUUID(), nhsNumber, now, context.actor(), organisationName);
                accessEvents.record(access);
                notifications.store(AccessNotification.forAccess(access, visible, UUID::randomUUID));
            }
            audit.append(new AuditEntry(now, context.actor(), "CPIS_QUERY:" + kind, nhsNumber, context.requestId(),
                    visible.isEmpty() ? "NOT_ON_REGISTER" : "FOUND:" + visible.size()));
            return answer;
        });
    }

    @Override
    public List<AccessEvent> history(RequestContext context, NhsNumber nhsNumber) {
        return transactions.inTransaction(() -> {
            List<AccessEvent> recent = accessEvents.recent(nhsNumber, HISTORY_SIZE);
            audit.append(new AuditEntry(clock.instant(), context.actor(), "ACCESS_HISTORY_READ", nhsNumber,
                    context.requestId(), "FOUND:" + recent.size()));
            return recent;
        });
    }
}
