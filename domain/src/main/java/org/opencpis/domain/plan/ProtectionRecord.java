package org.opencpis.domain.plan;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One local authority's record that a person is on a plan: the aggregate of the register.
 *
 * <p>Invariants: a LAC record carries its legal status and no other plan type does; there is at
 * most one current (not withdrawn) record per {@link RecordKey}, which the store enforces.
 *
 * <p>Lifecycle: ACTIVE until the end date is reached, then ENDED; an ended record is visible for
 * {@link PlanType#visibleDaysAfterEnd()} days after its end date (last visible day:
 * {@link #visibleUntil()}), and is purged on its {@link #deleteDate()}, the day after that. A
 * record withdrawn as entered in error is hidden at once and purged from the day of withdrawal.
 * An explicit delete date from the LA hides and purges the record from that day.
 */
public record ProtectionRecord(UUID id, RecordKey key, PlanDetails details, LocalDate withdrawnOn) {

    public ProtectionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(details, "details");
        details.checkFits(key.planType());
    }

    public static ProtectionRecord open(UUID id, RecordKey key, PlanDetails details) {
        return new ProtectionRecord(id, key, details, null);
    }

    /** The same record with the LA's new details; the identity is kept. */
    public ProtectionRecord revise(PlanDetails newDetails) {
        return new ProtectionRecord(id, key, newDetails, withdrawnOn);
    }

    /** Withdrawn as entered in error: hidden from today. */
    public ProtectionRecord withdraw(LocalDate today) {
        return new ProtectionRecord(id, key, details, today);
    }

    public boolean isWithdrawn() {
        return withdrawnOn != null;
    }

    public RecordStatus status(LocalDate today) {
        if (isWithdrawn()) {
            return RecordStatus.WITHDRAWN;
        }
        LocalDate end = details.endDate();
        return end != null && !end.isAfter(today) ? RecordStatus.ENDED : RecordStatus.ACTIVE;
    }

    /** The last day an ended record is shown; empty while the plan has no end date. */
    public Optional<LocalDate> visibleUntil() {
        Optional<LocalDate> computed = Optional.ofNullable(details.endDate())
                .map(end -> end.plusDays(key.planType().visibleDaysAfterEnd() - 1L));
        LocalDate explicit = details.explicitDeleteDate();
        if (explicit != null && (computed.isEmpty() || explicit.isBefore(computed.get().plusDays(1)))) {
            return Optional.of(explicit.minusDays(1));
        }
        return computed;
    }

    /**
     * The day the record leaves the live store: the LA's explicit delete date, else the day
     * after {@link #visibleUntil()}, else the withdrawal day; empty for an open plan.
     */
    public Optional<LocalDate> deleteDate() {
        if (isWithdrawn()) {
            return Optional.of(withdrawnOn);
        }
        return visibleUntil().map(last -> last.plusDays(1));
    }

    /** Whether a clinician querying on {@code today} sees this record. */
    public boolean isVisibleOn(LocalDate today) {
        if (isWithdrawn()) {
            return false;
        }
        return visibleUntil().map(last -> !today.isAfter(last)).orElse(true);
    }

    public boolean isDueForPurge(LocalDate today) {
        return deleteDate().map(day -> !today.isBefore(day)).orElse(false);
    }
}
