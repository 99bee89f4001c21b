package org.opencpis.domain.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * An Inactive NHS Number Notification: tells one local authority that PDS has superseded an NHS
 * number it holds records under, naming the number that replaces it and the LA's records
 * concerned, so that the LA can re-send them under the new number. {@code noticeId} is also the
 * idempotency key of its delivery.
 */
public record InactiveNumberNotice(UUID noticeId, OdsCode localAuthority, NhsNumber nhsNumber, NhsNumber supersededBy,
                                   List<HeldRecord> records, Instant detectedAt) {
    public InactiveNumberNotice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(localAuthority, "localAuthority");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(supersededBy, "supersededBy");
        Objects.requireNonNull(detectedAt, "detectedAt");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a notice names at least one record");
        }
        if (nhsNumber.equals(supersededBy)) {
            throw new IllegalArgumentException("a number cannot supersede itself");
        }
    }

    /**
     * The notification rule: one notice per local authority holding current records under the
     * superseded number, naming each of its records (in plan type order).
     */
    public static List<InactiveNumberNotice> forSupersededNumber(NhsNumber old, NhsNumber replacement,
                                                                List<ProtectionRecord> currentRecords, Instant detectedAt,
                                                                Supplier<UUID> ids) {
        Map<OdsCode, List<HeldRecord>> perLa = currentRecords.stream()
                .filter(record -> record.key().nhsNumber().equals(old))
                .sorted(Comparator.comparing((ProtectionRecord r) -> r.key().planType()))
                .collect(Collectors.groupingBy(r -> r.key().localAuthority(),
                        () -> new TreeMap<>(Comparator.comparing(OdsCode::value)),
                        Collectors.mapping(r -> new HeldRecord(r.key().planType(), r.details().localId()), Collectors.toList())));
        return perLa.entrySet().stream()
                .map(entry -> new InactiveNumberNotice(ids.get(), entry.getKey(), old, replacement, entry.getValue(), detectedAt))
                .toList();
    }

    /** One of the LA's records under the superseded number: its plan type and the LA's own id for it, if any. */
    public record HeldRecord(PlanType planType, String localId) {
        public HeldRecord {
            Objects.requireNonNull(planType, "planType");
        }
    }
}
