package org.opencpis.application.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** The live store in a map; "for update" locks nothing, since the fakes run single-threaded. */
public final class InMemoryProtectionRecords implements ProtectionRecords {
    private static final Comparator<ProtectionRecord> BY_NHS_NUMBER_THEN_PLAN_TYPE =
            Comparator.<ProtectionRecord, String>comparing(record -> record.key().nhsNumber().value())
                    .thenComparing(record -> record.key().planType());
    private static final Comparator<ProtectionRecord> BY_DELETE_DATE =
            Comparator.<ProtectionRecord, LocalDate>comparing(record -> record.deleteDate().orElseThrow())
                    .thenComparing(ProtectionRecord::id);

    private final Map<UUID, ProtectionRecord> byId = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ProtectionRecord> findCurrentForUpdate(RecordKey key) {
        return byId.values().stream().filter(record -> isCurrent(record, key)).findFirst();
    }

    @Override
    public synchronized boolean insertIfAbsent(ProtectionRecord record) {
        if (byId.containsKey(record.id())
                || !record.isWithdrawn() && findCurrentForUpdate(record.key()).isPresent()) {
            return false;
        }
        byId.put(record.id(), record);
        return true;
    }

    @Override
    public synchronized Set<UUID> insertAllIfAbsent(List<ProtectionRecord> records) {
        Set<UUID> inserted = new HashSet<>();
        for (ProtectionRecord record : records) {
            if (insertIfAbsent(record)) {
                inserted.add(record.id());
            }
        }
        return inserted;
    }

    @Override
    public synchronized Map<RecordKey, ProtectionRecord> findAllCurrentForUpdate(Collection<RecordKey> keys) {
        Map<RecordKey, ProtectionRecord> found = new HashMap<>();
        keys.forEach(key -> findCurrentForUpdate(key).ifPresent(record -> found.put(key, record)));
        return found;
    }

    @Override
    public synchronized void update(ProtectionRecord record) {
        if (byId.replace(record.id(), record) == null) {
            throw new IllegalStateException("no stored record with id " + record.id());
        }
    }

    @Override
    public synchronized void updateAll(List<ProtectionRecord> records) {
        records.forEach(this::update);
    }

    @Override
    public synchronized Page<ProtectionRecord> listCurrent(OdsCode localAuthority, RecordStatus status, LocalDate today,
                                                           PageRequest page) {
        List<ProtectionRecord> rows = byId.values().stream()
                .filter(record -> record.key().localAuthority().equals(localAuthority) && !record.isWithdrawn())
                .filter(record -> status == null || record.status(today) == status)
                .sorted(BY_NHS_NUMBER_THEN_PLAN_TYPE)
                .skip(page.offset())
                .limit(page.size() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.size());
    }

    @Override
    public synchronized List<ProtectionRecord> findCurrent(NhsNumber nhsNumber) {
        return byId.values().stream()
                .filter(record -> !record.isWithdrawn() && record.key().nhsNumber().equals(nhsNumber))
                .toList();
    }

    @Override
    public synchronized List<ProtectionRecord> findDueForPurge(LocalDate today, int limit) {
        return byId.values().stream()
                .filter(record -> record.isDueForPurge(today))
                .sorted(BY_DELETE_DATE)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void delete(UUID id) {
        byId.remove(id);
    }

    /** Every stored record, withdrawn ones included, for assertions. */
    public synchronized List<ProtectionRecord> all() {
        return new ArrayList<>(byId.values());
    }

    private static boolean isCurrent(ProtectionRecord record, RecordKey key) {
        return !record.isWithdrawn() && record.key().equals(key);
    }
}
