package org.opencpis.adapters.rest.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.rest.shared.InvalidRequest;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

class NotificationMapperTest {

    @Test
    void aNotificationHasTheMeshMessageFields() {
        UUID id = UUID.randomUUID();
        AccessEvent access = new AccessEvent(UUID.randomUUID(), new NhsNumber("9990001006"), Instant.parse("2026-01-02T03:04:05.123456Z"),
                new Actor("555000111222", new OdsCode("RXX"), "S8000:G8000:R8000", "555000111333"), "Example Hospital");
        NotificationResponse response = NotificationMapper.toResponse(
                new AccessNotification(id, new OdsCode("706"), PlanType.LAC, access, null));
        assertEquals(new NotificationResponse(id.toString(), "9990001006", "LAC", "2026-01-02T03:04:05.123456Z",
                new NotificationResponse.AccessedBy("555000111222", "555000111333", "S8000:G8000:R8000"),
                new NotificationResponse.AccessingOrganisation("RXX", "Example Hospital")), response);
    }

    @Test
    void idsAreOneToAThousandUuidsAndRepeatsCountOnce() {
        UUID id = UUID.randomUUID();
        assertEquals(Set.of(id), NotificationMapper.ids(new AcknowledgementRequest(List.of(id.toString(), id.toString()))));
        assertEquals("MISSING_FIELD", assertThrows(InvalidRequest.class, () -> NotificationMapper.ids(null)).code());
        assertEquals("MISSING_FIELD", assertThrows(InvalidRequest.class,
                () -> NotificationMapper.ids(new AcknowledgementRequest(null))).code());
        assertEquals("INVALID_IDS", assertThrows(DomainViolation.class,
                () -> NotificationMapper.ids(new AcknowledgementRequest(List.of()))).code());
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        assertEquals("INVALID_IDS", assertThrows(DomainViolation.class,
                () -> NotificationMapper.ids(new AcknowledgementRequest(tooMany))).code());
        InvalidRequest bad = assertThrows(InvalidRequest.class,
                () -> NotificationMapper.ids(new AcknowledgementRequest(List.of(id.toString(), "nope", "{" + id + "}"))));
        assertEquals("INVALID_NOTIFICATION_ID", bad.code());
        assertEquals(List.of("ids[1]", "ids[2]"), bad.errors().stream().map(e -> e.field()).toList());
    }
}
