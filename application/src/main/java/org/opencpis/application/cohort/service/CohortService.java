package org.opencpis.application.cohort.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.cohort.port.in.CohortAccessDenied;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.cohort.CohortMember;
import org.opencpis.application.cohort.port.in.CohortMembers;
import org.opencpis.application.cohort.port.in.CohortNotFound;
import org.opencpis.application.cohort.port.in.CohortRejected;
import org.opencpis.application.cohort.port.in.DefineCohortUseCase;
import org.opencpis.application.cohort.port.in.ReadCohortUseCase;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * Defining cohorts (ADMIN) and reading them (staff of the owner). A read is silent: audited once
 * per child returned, in the read's transaction, and never an Access to Service Notification.
 */
public final class CohortService implements DefineCohortUseCase, ReadCohortUseCase {
    private final Cohorts cohorts;
    private final CohortMembership membership;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public CohortService(Cohorts cohorts, CohortMembership membership, Organisations organisations, AuditTrail audit,
                         Transactions transactions, Clock clock) {
        this.cohorts = cohorts;
        this.membership = membership;
        this.organisations = organisations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean define(RequestContext context, Cohort cohort) {
        return transactions.inTransaction(() -> {
            if (organisations.find(cohort.owner()).isEmpty()) {
                throw new CohortRejected("UNKNOWN_ORGANISATION", "organisation " + cohort.owner() + " is not registered");
            }
            boolean created = cohorts.save(cohort, clock.instant());
            membership.refreshCohort(cohort);
            append(context, "COHORT_DEFINE:" + cohort.id(), null, created ? "CREATED" : "UPDATED");
            return created;
        });
    }

    @Override
    public CohortMembers members(RequestContext context, CohortId id) {
        return transactions.inTransaction(() -> {
            Cohort cohort = readable(context, id);
            List<CohortMember> members = membersOf(cohort, cohorts.members(id));
            audited(context, cohort, "COHORT_MEMBERS_READ:", new CohortChanges(id, members, List.of(), 0));
            return new CohortMembers(clock.instant(), members);
        });
    }

    @Override
    public CohortChanges changes(RequestContext context, CohortId id, OptionalLong since) {
        return transactions.inTransaction(() -> {
            Cohort cohort = readable(context, id);
            CohortChanges changes = changesSince(cohort, since);
            audited(context, cohort, "COHORT_CHANGES_READ:", changes);
            return changes;
        });
    }

    /**
     * The cohort's changes after the cursor, netted per child: a child is a joiner when they were
     * not a member at the cursor and are now, a leaver the other way round. Joins the caller's
     * transaction, which must hold {@link Cohorts#findForRead} (or a stronger lock) on the cohort.
     */
    CohortChanges changesSince(Cohort cohort, OptionalLong since) {
        long latest = cohorts.latestCursor(cohort.id());
        if (since.isEmpty()) {
            return new CohortChanges(cohort.id(), membersOf(cohort, cohorts.members(cohort.id())), List.of(), latest);
        }
        long cursor = since.getAsLong();
        if (cursor < 0 || cursor > latest) {
            throw new CohortRejected("INVALID_CURSOR", "this cursor was not given for this cohort");
        }
        Map<NhsNumber, Boolean[]> firstAndLast = new LinkedHashMap<>();
        for (Cohorts.MembershipChange change : cohorts.changesSince(cohort.id(), cursor)) {
            firstAndLast.computeIfAbsent(change.nhsNumber(), nhs -> new Boolean[] {change.joined(), null})[1] = change.joined();
        }
        List<NhsNumber> joined = new ArrayList<>();
        List<NhsNumber> left = new ArrayList<>();
        firstAndLast.forEach((nhs, firstLast) -> {
            boolean memberAtCursor = !firstLast[0];
            boolean memberNow = firstLast[1];
            if (!memberAtCursor && memberNow) {
                joined.add(nhs);
            } else if (memberAtCursor && !memberNow) {
                left.add(nhs);
            }
        });
        return new CohortChanges(cohort.id(), membersOf(cohort, joined), List.copyOf(left), latest);
    }

    private Cohort readable(RequestContext context, CohortId id) {
        Cohort cohort = cohorts.findForRead(id).orElseThrow(CohortNotFound::new);
        if (!cohort.owner().equals(context.actor().organisation())) {
            throw new CohortAccessDenied();
        }
        return cohort;
    }

    /** The visible records of these people that match the cohort, in NHS number order, with their LA's contacts. */
    List<CohortMember> membersOf(Cohort cohort, Collection<NhsNumber> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<OdsCode, Optional<Organisation>> las = new HashMap<>();
        List<CohortMember> members = new ArrayList<>();
        for (Cohorts.PlacedRecord placed : cohorts.placedRecords(people)) {
            ProtectionRecord record = placed.record();
            List<Criterion> matched = cohort.criteria().matched(placed.placement());
            if (!record.isVisibleOn(today) || matched.isEmpty()) {
                continue;
            }
            Organisation la = las.computeIfAbsent(record.key().localAuthority(), organisations::find).orElse(null);
            var details = record.details();
            members.add(new CohortMember(record.key().nhsNumber(), details.subject().familyName(),
                    details.subject().givenNames(), details.subject().dateOfBirth(), record.key().planType(),
                    details.startDate(), details.endDate(), la, matched.stream().map(Criterion::label).toList()));
        }
        members.sort((a, b) -> a.nhsNumber().value().equals(b.nhsNumber().value())
                ? a.planType().compareTo(b.planType()) : a.nhsNumber().value().compareTo(b.nhsNumber().value()));
        return members;
    }

    /** One audit entry per child disclosed (joiner or member) or reported as a leaver; one entry when there is none. */
    void audited(RequestContext context, Cohort cohort, String action, CohortChanges disclosed) {
        disclosed.joined().stream().map(CohortMember::nhsNumber).distinct()
                .forEach(nhs -> append(context, action + cohort.id(), nhs, "MEMBER"));
        disclosed.left().forEach(nhs -> append(context, action + cohort.id(), nhs, "LEFT"));
        if (disclosed.isEmpty()) {
            append(context, action + cohort.id(), null, "NONE");
        }
    }

    private void append(RequestContext context, String action, NhsNumber nhsNumber, String outcome) {
        audit.append(new AuditEntry(clock.instant(), context.actor(), action, nhsNumber, context.requestId(), outcome));
    }
}
