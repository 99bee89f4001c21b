package org.opencpis.application.cohort.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * criteria ({@link CohortPlacement}). A change to records looks up only the cohorts having the
 * children's placements (an indexed lookup) and those the children are already in: it never rescans
 * every cohort. Several people are brought up to date together in a few statements, with the same
 * outcome and change log as one after another.
 */
public final class CohortMembership implements RecordChanges {
    private static final Comparator<CohortId> BY_ID = Comparator.comparing(CohortId::value);

    private final Cohorts cohorts;
    private final Clock clock;

    public CohortMembership(Cohorts cohorts, Clock clock) {
        this.cohorts = cohorts;
        this.clock = clock;
    }

    /** After a record was created or revised: records where it places its child, then updates the child's memberships. */
    @Override
    public void recordStored(ProtectionRecord record, Placement pds) {
        recordsStored(List.of(new StoredRecord(record, pds)));
    }

    @Override
    public void recordsStored(List<StoredRecord> stored) {
        List<NhsNumber> people = stored.stream().map(one -> one.record().key().nhsNumber()).toList();
        if (new HashSet<>(people).size() != people.size()) {
            throw new IllegalArgumentException("records of one person are stored one after another");
        }
        Map<UUID, Set<Criterion>> replaced = new LinkedHashMap<>();
        Map<UUID, Set<Criterion>> fresh = new LinkedHashMap<>();
        Map<NhsNumber, Set<Criterion>> placedNow = new HashMap<>();
        stored.forEach(one -> {
            Set<Criterion> placement = CohortPlacement.of(one.record(), one.pds().gpPractice(), one.pds().postcode());
            (one.created() ? fresh : replaced).put(one.record().id(), placement);
            placedNow.put(one.record().key().nhsNumber(), placement);
        });
        cohorts.place(replaced);
        cohorts.placeNew(fresh);
        cohorts.lockPeople(people);
        Map<NhsNumber, Set<CohortId>> before = cohorts.memberships(people);
        update(mayMove(people, placedNow, before.keySet()), before);
    }

    /**
     * Of people whose records were just stored, those whose memberships may change: members of a
     * cohort now, or placed by a stored record where a cohort looks. Each of the others is in no
     * cohort, so none of their other records places them where a cohort looks (a record only ever
     * leaves visibility, and every change of records or cohorts brought them up to date), and the
     * stored ones do not either: they stay in none, and their records need not be read.
     */
    private List<NhsNumber> mayMove(List<NhsNumber> people, Map<NhsNumber, Set<Criterion>> placedNow, Set<NhsNumber> members) {
        Set<Criterion> placed = new HashSet<>();
        placedNow.values().forEach(placed::addAll);
        Set<Criterion> sought = new HashSet<>();
        if (!placed.isEmpty()) {
            cohorts.havingAny(placed).forEach(cohort -> sought.addAll(cohort.criteria().all()));
        }
        return people.stream()
                .filter(person -> members.contains(person) || placedNow.get(person).stream().anyMatch(sought::contains))
                .toList();
    }

    @Override
    public void personChanged(NhsNumber nhsNumber) {
        refresh(nhsNumber);
    }

    /** Brings the person's memberships up to date with their visible records (after a withdrawal, a purge, ...). */
    public void refresh(NhsNumber nhsNumber) {
        List<NhsNumber> people = List.of(nhsNumber);
        cohorts.lockPeople(people);
        update(people, cohorts.memberships(people));
    }

    /** After a cohort was (re)defined: updates the membership of everyone it has or may now have. */
    public void refreshCohort(Cohort cohort) {
        Set<NhsNumber> people = new TreeSet<>(Comparator.comparing(NhsNumber::value));
        people.addAll(cohorts.placedBy(cohort.criteria().all()));
        people.addAll(cohorts.members(cohort.id()));
        people.forEach(this::refresh);
    }

    /**
     * Brings each person's memberships up to date, given those they had ({@code before}, read under
     * their locks); the moves are logged person by person, in the order given.
     */
    private void update(List<NhsNumber> people, Map<NhsNumber, Set<CohortId>> before) {
        if (people.isEmpty()) {
            return;
        }
        Map<NhsNumber, Set<CohortId>> matching = matchingCohorts(people);
        Map<NhsNumber, Set<CohortId>> touched = new LinkedHashMap<>();
        for (NhsNumber person : people) {
            Set<CohortId> theirs = new TreeSet<>(BY_ID);
            theirs.addAll(matching.getOrDefault(person, Set.of()));
            theirs.addAll(before.getOrDefault(person, Set.of()));
            if (!theirs.isEmpty()) {
                touched.put(person, theirs);
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        Set<CohortId> all = new HashSet<>();
        touched.values().forEach(all::addAll);
        cohorts.lockForChange(all);
        Map<NhsNumber, Set<CohortId>> current = cohorts.memberships(touched.keySet());
        List<Cohorts.Move> moves = new ArrayList<>();
        touched.forEach((person, theirs) -> {
            Set<CohortId> member = current.getOrDefault(person, Set.of());
            Set<CohortId> matches = matching.getOrDefault(person, Set.of());
            for (CohortId id : theirs) {
                if (matches.contains(id) != member.contains(id)) {
                    moves.add(new Cohorts.Move(id, person, matches.contains(id)));
                }
            }
        });
        if (!moves.isEmpty()) {
            cohorts.move(moves, clock.instant());
        }
    }

    /** The cohorts each person's visible records place them in (people placed in none are left out). */
    private Map<NhsNumber, Set<CohortId>> matchingCohorts(List<NhsNumber> people) {
        LocalDate today = LocalDate.now(clock);
        Map<NhsNumber, Set<Criterion>> placed = new HashMap<>();
        cohorts.placedRecords(people).stream()
                .filter(placedRecord -> placedRecord.record().isVisibleOn(today))
                .forEach(placedRecord -> placed.computeIfAbsent(placedRecord.record().key().nhsNumber(), k -> new HashSet<>())
                        .addAll(placedRecord.placement()));
        Set<Criterion> criteria = new HashSet<>();
        placed.values().forEach(criteria::addAll);
        if (criteria.isEmpty()) {
            return Map.of();
        }
        List<Cohort> candidates = cohorts.havingAny(criteria);
        Map<NhsNumber, Set<CohortId>> matching = new HashMap<>();
        placed.forEach((person, theirs) -> candidates.stream()
                .filter(cohort -> cohort.criteria().all().stream().anyMatch(theirs::contains))
                .forEach(cohort -> matching.computeIfAbsent(person, k -> new HashSet<>()).add(cohort.id())));
        return matching;
    }
}
