package org.opencpis.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.shared.NhsNumber;

/** Cohorts in memory, over the records of a {@link ProtectionRecords} (locks are no-ops: one thread). */
public final class InMemoryCohorts implements Cohorts {
    private final ProtectionRecords records;
    private final Map<CohortId, Cohort> cohorts = new LinkedHashMap<>();
    private final Map<CohortId, Push> pushes = new HashMap<>();
    private final Map<UUID, Set<Criterion>> placements = new HashMap<>();
    private final Map<CohortId, Set<NhsNumber>> members = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    private record Change(CohortId id, MembershipChange change) {
    }

    private record Push(long pushedCursor, Instant dueAt, Instant claimedUntil, int attempts) {
    }

    public InMemoryCohorts(ProtectionRecords records) {
        this.records = records;
    }

    @Override
    public synchronized boolean save(Cohort cohort, Instant at) {
        boolean created = cohorts.put(cohort.id(), cohort) == null;
        pushes.putIfAbsent(cohort.id(), new Push(0, at, null, 0));
        return created;
    }

    @Override
    public synchronized Optional<Cohort> find(CohortId id) {
        return Optional.ofNullable(cohorts.get(id));
    }

    @Override
    public synchronized Optional<Cohort> findForRead(CohortId id) {
        return find(id);
    }

    @Override
    public synchronized List<Cohort> havingAny(Collection<Criterion> criteria) {
        return cohorts.values().stream().filter(c -> c.criteria().all().stream().anyMatch(criteria::contains)).toList();
    }

    @Override
    public void lockPeople(Collection<NhsNumber> nhsNumbers) {
    }

    @Override
    public void lockForChange(Collection<CohortId> ids) {
    }

    @Override
    public synchronized Map<NhsNumber, Set<CohortId>> memberships(Collection<NhsNumber> nhsNumbers) {
        Map<NhsNumber, Set<CohortId>> found = new HashMap<>();
        members.forEach((id, people) -> nhsNumbers.stream().filter(people::contains)
                .forEach(nhsNumber -> found.computeIfAbsent(nhsNumber, k -> new HashSet<>()).add(id)));
        return found;
    }

    @Override
    public synchronized void move(List<Move> moves, Instant at) {
        for (Move move : moves) {
            Set<NhsNumber> people = members.computeIfAbsent(move.id(), k -> new HashSet<>());
            if (move.joins() ? !people.add(move.nhsNumber()) : !people.remove(move.nhsNumber())) {
                throw new IllegalStateException("not a " + (move.joins() ? "joiner" : "leaver") + ": " + move);
            }
            changes.add(new Change(move.id(), new MembershipChange(changes.size() + 1, move.nhsNumber(), move.joins())));
        }
    }

    @Override
    public synchronized List<NhsNumber> members(CohortId id) {
        Set<NhsNumber> sorted = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        sorted.addAll(members.getOrDefault(id, Set.of()));
        return List.copyOf(sorted);
    }

    @Override
    public synchronized long latestCursor(CohortId id) {
        return changes.stream().filter(c -> c.id().equals(id)).mapToLong(c -> c.change().cursor()).max().orElse(0);
    }

    @Override
    public synchronized List<MembershipChange> changesSince(CohortId id, long cursor) {
        return changes.stream().filter(c -> c.id().equals(id) && c.change().cursor() > cursor).map(Change::change).toList();
    }

    @Override
    public synchronized void placeNew(Map<UUID, Set<Criterion>> placed) {
        place(placed);
    }

    @Override
    public synchronized void place(Map<UUID, Set<Criterion>> placed) {
        placed.forEach((recordId, placement) -> placements.put(recordId, Set.copyOf(placement)));
    }

    @Override
    public synchronized List<PlacedRecord> placedRecords(Collection<NhsNumber> nhsNumbers) {
        return nhsNumbers.stream().distinct()
                .flatMap(nhs -> records.findCurrent(nhs).stream())
                .map(record -> new PlacedRecord(record, placements.getOrDefault(record.id(), Set.of())))
                .toList();
    }

    @Override
    public synchronized Set<NhsNumber> placedBy(Collection<Criterion> criteria) {
        Set<NhsNumber> found = new HashSet<>();
        placements.forEach((recordId, placement) -> {
            if (placement.stream().anyMatch(criteria::contains)) {
                currentRecord(recordId).ifPresent(found::add);
            }
        });
        return found;
    }

    private Optional<NhsNumber> currentRecord(UUID recordId) {
        if (records instanceof InMemoryProtectionRecords memory) {
            return memory.all().stream().filter(r -> r.id().equals(recordId) && !r.isWithdrawn())
                    .map(r -> r.key().nhsNumber()).findFirst();
        }
        throw new IllegalStateException("InMemoryCohorts needs InMemoryProtectionRecords");
    }

    @Override
    public synchronized List<OutboxRelay.Claim<PushDue>> claimDuePushes(Instant now, Duration lease, int limit) {
        List<OutboxRelay.Claim<PushDue>> claimed = new ArrayList<>();
        for (Map.Entry<CohortId, Push> entry : pushes.entrySet()) {
            Push push = entry.getValue();
            boolean due = latestCursor(entry.getKey()) > push.pushedCursor() && !push.dueAt().isAfter(now)
                    && (push.claimedUntil() == null || !push.claimedUntil().isAfter(now));
            if (due && claimed.size() < limit) {
                Push claim = new Push(push.pushedCursor(), push.dueAt(), now.plus(lease), push.attempts() + 1);
                entry.setValue(claim);
                claimed.add(new OutboxRelay.Claim<>(new PushDue(entry.getKey(), cohorts.get(entry.getKey()).owner(),
                        push.pushedCursor()), claim.attempts()));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void markPushed(CohortId id, long cursor, Instant at) {
        pushes.computeIfPresent(id, (k, push) -> new Push(Math.max(push.pushedCursor(), cursor), push.dueAt(), null, 0));
    }

    @Override
    public synchronized void retryPushLater(CohortId id, Instant dueAt) {
        pushes.computeIfPresent(id, (k, push) -> new Push(push.pushedCursor(), dueAt, null, push.attempts()));
    }
}
