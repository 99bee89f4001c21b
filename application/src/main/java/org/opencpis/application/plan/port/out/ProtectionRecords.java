package org.opencpis.application.plan.port.out;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * The live store of protection records. All methods join the caller's transaction.
 * There is at most one current (not withdrawn) record per {@link RecordKey}.
 */
public interface ProtectionRecords {

    /** The current record for the key, locked for update until the transaction ends. */
    Optional<ProtectionRecord> findCurrentForUpdate(RecordKey key);

    /**
     * Stores a new record unless a current one already holds its key.
     *
     * @return false, storing nothing, when the key is already held
     */
    boolean insertIfAbsent(ProtectionRecord record);

    /**
     * Stores each new record unless a current one already holds its key, as {@link #insertIfAbsent} would
     * one after another (so of two with the same key only the first can be stored), in one go.
     *
     * @return the ids of the records stored
     */
    Set<UUID> insertAllIfAbsent(List<ProtectionRecord> records);

    /** The current records for the keys (absent keys have none), locked for update until the transaction ends. */
    Map<RecordKey, ProtectionRecord> findAllCurrentForUpdate(Collection<RecordKey> keys);

    /** Replaces the stored record with the same id (details and withdrawal). */
    void update(ProtectionRecord record);

    /** {@link #update} for each record, in one go; fails, to roll back, if any of them is not stored. */
    void updateAll(List<ProtectionRecord> records);

    /**
     * One LA's current records, ordered by NHS number then plan type; with a status, only
     * those that have it on {@code today} (ACTIVE or ENDED).
     */
    Page<ProtectionRecord> listCurrent(OdsCode localAuthority, RecordStatus status, LocalDate today, PageRequest page);

    /** Every LA's current (not withdrawn) records for the NHS number, in no particular order. */
    List<ProtectionRecord> findCurrent(NhsNumber nhsNumber);

    /** Up to {@code limit} records whose delete date is on or before {@code today}, withdrawn ones included. */
    List<ProtectionRecord> findDueForPurge(LocalDate today, int limit);

    void delete(UUID id);
}
