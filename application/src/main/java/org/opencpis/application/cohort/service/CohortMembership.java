package org.opencpis.application.cohort.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.RecordChanges;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.CohortPlacement;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Keeps cohort membership up to date as records change, inside the caller's transaction. A child
 * is a member of a cohort while one of their visible records places them by one of the cohort's
 * criteria ({@link CohortPlacement}). A change to one record looks up only the cohorts having the
 * child's placements (an indexed lookup) and those the child is already in: it never rescans
 * every cohort.
 */
public final class CohortMembership implements RecordChanges {
    private final Cohorts cohorts;
    private final Clock clock;

    public CohortMembership(Cohorts cohorts, Clock clock) {
        this.cohorts = cohorts;
        this.clock = clock;
    }

    /** After a record was created or revised: records where it places its child, then updates the child's memberships. */
    @Override
    public void recordStored(ProtectionRecord record, Placement pds) {
        cohorts.place(record.id(), CohortPlacement.of(record, pds.gpPractice(), pds.postcode()));
        refresh(record.key().nhsNumber());
    }

    @Override
    public void personChanged(NhsNumber nhsNumber) {
        refresh(nhsNumber);
    }

    /** Brings the person's memberships up to date with their visible records (after a withdrawal, a purge, ...). */
    public void refresh(NhsNumber nhsNumber) {
        cohorts.lockPerson(nhsNumber);
        LocalDate today = LocalDate.now(clock);
        Set<Criterion> placed = new HashSet<>();
        cohorts.placedRecords(List.of(nhsNumber)).stream()
                .filter(placedRecord -> placedRecord.record().isVisibleOn(today))
                .forEach(placedRecord -> placed.addAll(placedRecord.placement()));
        Set<CohortId> matching = placed.isEmpty() ? Set.of()
                : cohorts.havingAny(placed).stream().map(Cohort::id).collect(Collectors.toSet());
        Set<CohortId> touched = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        touched.addAll(matching);
        touched.addAll(cohorts.memberships(nhsNumber));
        if (touched.isEmpty()) {
            return;
        }
        cohorts.lockForChange(touched);
        Set<CohortId> current = cohorts.memberships(nhsNumber);
        Instant now = clock.instant();
        for (CohortId id : touched) {
            boolean member = matching.contains(id);
            if (member && !current.contains(id)) {
                cohorts.join(id, nhsNumber, now);
            } else if (!member && current.contains(id)) {
                cohorts.leave(id, nhsNumber, now);
            }
        }
    }

    /** After a cohort was (re)defined: updates the membership of everyone it has or may now have. */
    public void refreshCohort(Cohort cohort) {
        Set<NhsNumber> people = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        people.addAll(cohorts.placedBy(cohort.criteria().all()));
        people.addAll(cohorts.members(cohort.id()));
        people.forEach(this::refresh);
    }
}
