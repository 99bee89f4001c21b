package org.opencpis.application.plan.service;

import org.opencpis.application.plan.port.out.RecordChanges;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.plan.port.in.PlanRejected;
import org.opencpis.application.plan.port.in.PlanView;
import org.opencpis.application.plan.port.in.ReadPlansUseCase;
import org.opencpis.application.plan.port.in.RecordPlanUseCase;
import org.opencpis.application.plan.port.in.WithdrawPlanUseCase;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.shared.NhsNumber;

/**
 * An LA's records: recording (after PDS verification, which happens outside the transaction),
 * reading and withdrawing. Each use case's writes and its audit entries commit together.
 */
public final class PlanService implements RecordPlanUseCase, ReadPlansUseCase, WithdrawPlanUseCase {
    private final ProtectionRecords records;
    private final RecordChanges membership;
    private final Organisations organisations;
    private final Demographics demographics;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public PlanService(ProtectionRecords records, RecordChanges membership, Organisations organisations,
                       Demographics demographics, AuditTrail audit, Transactions transactions, Clock clock) {
        this.records = records;
        this.membership = membership;
        this.organisations = organisations;
        this.demographics = demographics;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RecordPlanResult record(RequestContext context, RecordKey key, PlanDetails details) {
        if (!ownedByActor(context, key)) {
            throw rejected(context, key, "UNKNOWN_ORGANISATION", "a local authority records only its own plans");
        }
        boolean registeredLa = transactions.inTransaction(() -> organisations.find(key.localAuthority()))
                .filter(Organisation::isLocalAuthority).isPresent();
        if (!registeredLa) {
            throw rejected(context, key, "UNKNOWN_ORGANISATION",
                    "organisation " + key.localAuthority() + " is not a registered local authority");
        }
        Verification verification = verify(context, key, details);
        if (!verification.isVerified()) {
            String detail = verification.supersededBy() == null ? verification.detail()
                    : verification.detail() + "; use NHS number " + verification.supersededBy();
            throw rejected(context, key, verification.outcome().name(), detail);
        }
        return transactions.inTransaction(() -> store(context, key, details, verification.placement()));
    }

    private Verification verify(RequestContext context, RecordKey key, PlanDetails details) {
        try {
            return demographics.verify(key.nhsNumber(), details.subject());
        } catch (DemographicsUnavailable e) {
            throw rejected(context, key, "PDS_UNAVAILABLE", "PDS could not be reached; try again later");
        }
    }

    private RecordPlanResult store(RequestContext context, RecordKey key, PlanDetails details, Placement pds) {
        LocalDate today = LocalDate.now(clock);
        Optional<ProtectionRecord> current = records.findCurrentForUpdate(key);
        if (current.isEmpty()) {
            ProtectionRecord created = ProtectionRecord.open(UUID.randomUUID(), key, details);
            if (records.insertIfAbsent(created)) {
                membership.recordStored(created, pds);
                return audited(context, today, created, Change.CREATED);
            }
            current = records.findCurrentForUpdate(key);
        }
        ProtectionRecord existing = current.orElseThrow(() -> new IllegalStateException("record vanished while being recorded"));
        if (existing.details().equals(details)) {
            membership.recordStored(existing, pds);
            return audited(context, today, existing, Change.UNCHANGED);
        }
        ProtectionRecord revised = existing.revise(details);
        records.update(revised);
        membership.recordStored(revised, pds);
        return audited(context, today, revised, Change.UPDATED);
    }

    private RecordPlanResult audited(RequestContext context, LocalDate today, ProtectionRecord record, Change change) {
        append(context, "PLAN_RECORD:" + record.key().planType(), record.key().nhsNumber(), change.name());
        return new RecordPlanResult(PlanView.on(today, record), change);
    }

    private PlanRejected rejected(RequestContext context, RecordKey key, String code, String detail) {
        transactions.run(() -> append(context, "PLAN_RECORD:" + key.planType(), key.nhsNumber(), "REJECTED_" + code));
        return new PlanRejected(code, detail);
    }

    @Override
    public Optional<PlanView> read(RequestContext context, RecordKey key) {
        return transactions.inTransaction(() -> {
            Optional<ProtectionRecord> found = ownedByActor(context, key)
                    ? records.findCurrent(key.nhsNumber()).stream().filter(record -> record.key().equals(key)).findFirst()
                    : Optional.empty();
            append(context, "PLAN_READ:" + key.planType(), key.nhsNumber(), found.isPresent() ? "FOUND" : "NOT_FOUND");
            LocalDate today = LocalDate.now(clock);
            return found.map(record -> PlanView.on(today, record));
        });
    }

    @Override
    public Page<PlanView> list(RequestContext context, RecordStatus status, PageRequest page) {
        return transactions.inTransaction(() -> {
            LocalDate today = LocalDate.now(clock);
            Page<ProtectionRecord> found = records.listCurrent(context.actor().organisation(), status, today, page);
            found.items().forEach(record ->
                    append(context, "PLAN_LIST:" + record.key().planType(), record.key().nhsNumber(), "FOUND"));
            return found.map(record -> PlanView.on(today, record));
        });
    }

    @Override
    public boolean withdraw(RequestContext context, RecordKey key) {
        return transactions.inTransaction(() -> {
            Optional<ProtectionRecord> found = ownedByActor(context, key) ? records.findCurrentForUpdate(key) : Optional.empty();
            found.ifPresent(record -> {
                records.update(record.withdraw(LocalDate.now(clock)));
                membership.personChanged(key.nhsNumber());
            });
            append(context, "PLAN_WITHDRAW:" + key.planType(), key.nhsNumber(), found.isPresent() ? "WITHDRAWN" : "NOT_FOUND");
            return found.isPresent();
        });
    }

    /** An LA sees and changes only its own records: another LA's key is treated as absent. */
    private static boolean ownedByActor(RequestContext context, RecordKey key) {
        return key.localAuthority().equals(context.actor().organisation());
    }

    private void append(RequestContext context, String action, NhsNumber nhsNumber, String outcome) {
        audit.append(new AuditEntry(clock.instant(), context.actor(), action, nhsNumber, context.requestId(), outcome));
    }
}
