package org.opencpis.adapters.rest.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencpis.adapters.rest.shared.Fields;
import org.opencpis.application.alert.port.in.AcknowledgeNotificationsUseCase;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.DomainViolation;

/** Between the notification JSON and the domain. */
final class NotificationMapper {
    static final String INVALID_IDS = "INVALID_IDS";
    static final String INVALID_ID = "INVALID_NOTIFICATION_ID";
    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private NotificationMapper() {
    }

    static NotificationResponse toResponse(AccessNotification notification) {
        AccessEvent access = notification.access();
        Actor who = access.accessedBy();
        return new NotificationResponse(notification.notificationId().toString(), access.nhsNumber().value(),
                notification.planType().name(), access.accessedAt().toString(),
                new NotificationResponse.AccessedBy(who.subject(), who.roleProfileId(), who.role()),
                new NotificationResponse.AccessingOrganisation(who.organisation().value(), access.organisationName()));
    }

    /** The ids to acknowledge: 1 to 1000, each a UUID; every malformed id is reported. Repeats count once. */
    static Set<UUID> ids(AcknowledgementRequest body) {
        Fields fields = new Fields();
        List<String> ids = body == null ? null : body.ids();
        if (ids == null) {
            fields.required("ids", null);
            fields.orThrow();
        }
        if (ids.isEmpty() || ids.size() > AcknowledgeNotificationsUseCase.MAX_IDS) {
            throw new DomainViolation(INVALID_IDS, "ids", "give 1 to " + AcknowledgeNotificationsUseCase.MAX_IDS
                    + " notification ids");
        }
        Set<UUID> parsed = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String raw = ids.get(i);
            UUID id = fields.value("ids[" + i + "]", () -> uuid(raw));
            if (id != null) {
                parsed.add(id);
            }
        }
        fields.orThrow();
        return parsed;
    }

    private static UUID uuid(String raw) {
        if (raw == null || !UUID_FORMAT.matcher(raw).matches()) {
            throw new DomainViolation(INVALID_ID, null, "a notification id is a UUID");
        }
        return UUID.fromString(raw);
    }
}
