package org.opencpis.domain.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.OdsCode;

/**
 * An Access to Service Notification: tells one responsible local authority that a person it holds
 * a visible record for was accessed in unscheduled care. {@code notificationId} is also the
 * idempotency key of its delivery.
 */
public record AccessNotification(UUID notificationId, OdsCode localAuthority, PlanType planType, AccessEvent access,
                                 Instant acknowledgedAt) {
    public AccessNotification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(localAuthority, "localAuthority");
        Objects.requireNonNull(planType, "planType");
        Objects.requireNonNull(access, "access");
    }

    /**
     * The notification rule: exactly one notification per responsible LA among the visible
     * records. When one LA holds several plans for the person, the notification names the first
     * in {@link PlanType} order (CPP, LAC, UCPP).
     */
    public static List<AccessNotification> forAccess(AccessEvent access, List<ProtectionRecord> visibleRecords,
                                                     Supplier<UUID> ids) {
        Map<OdsCode, PlanType> planPerLa = new LinkedHashMap<>();
        visibleRecords.stream()
                .sorted(Comparator.comparing((ProtectionRecord r) -> r.key().localAuthority().value())
                        .thenComparing(r -> r.key().planType()))
                .forEach(record -> planPerLa.putIfAbsent(record.key().localAuthority(), record.key().planType()));
        return planPerLa.entrySet().stream()
                .map(entry -> new AccessNotification(ids.get(), entry.getKey(), entry.getValue(), access, null))
                .toList();
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}
