package org.opencpis.bootstrap.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.adapters.spine.messaging.InProcessSpineMessaging;
import org.opencpis.application.alert.port.in.QueryProtectionUseCase;
import org.opencpis.application.organisation.port.in.RegisterOrganisationUseCase;
import org.opencpis.application.plan.port.in.RecordPlanUseCase;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.bootstrap.support.Tokens;
import org.opencpis.domain.alert.AccessKind;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * The outbox relay on the real database: every notification of an unscheduled query is sent once
 * and only once, across a restart with the relay stopped, and with two instances on one database.
 */
class NotificationRelayIT {
    private static final NhsNumber CHILD = NhsNumber.of("9434765919");
    private static final OdsCode ISLINGTON = new OdsCode("706");
    private static final OdsCode CAMDEN = new OdsCode("707");
    private static final RequestContext CLINICIAN = new RequestContext(
            new Actor("clinician-1", new OdsCode("RXX"), "S8000:G8000:R8000", "555000111"), "relay-test");

    @Test
    void noNotificationIsLostOrDuplicatedAcrossARestartWithTheRelayStopped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) {
        var settings = new org.opencpis.bootstrap.TestStartup(dataDir);
        int queries = 10;
        try (var first = settings.start(Map.of("opencpis.relay.enabled", "false", "opencpis.messaging.transport", "in-process"))) {
            ApplicationContext context = first.context();
            registerTwoLasWithRecords(context);
            for (int i = 0; i < queries; i++) {
                assertEquals(2, context.getBean(QueryProtectionUseCase.class).query(CLINICIAN, CHILD, AccessKind.UNSCHEDULED).size());
            }
            assertTrue(context.getBean(InProcessSpineMessaging.class).sent().isEmpty(), "the relay was stopped");
        }
        try (var second = settings.start(Map.of("opencpis.relay.interval", "100ms", "opencpis.relay.initial-delay", "0s",
                "opencpis.messaging.transport", "in-process"))) {
            InProcessSpineMessaging messaging = second.context().getBean(InProcessSpineMessaging.class);
            await(() -> messaging.sendsPerNotification().size() == 2 * queries);
            pause();
            Map<UUID, Integer> sends = messaging.sendsPerNotification();
            assertEquals(2 * queries, sends.size());
            assertTrue(sends.values().stream().allMatch(count -> count == 1), "each sent exactly once: " + sends.values());
            List<InProcessSpineMessaging.Delivered> sent = messaging.sent();
            assertEquals(queries, sent.stream().filter(d -> d.mailbox().equals("MB706")).count());
            assertEquals(queries, sent.stream().filter(d -> d.mailbox().equals("MB707")).count());
            assertMessageShape(sent.get(0));
        }
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachNotificationOnce() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("opencpis.jwt.secret", Tokens.SECRET);
        properties.put("opencpis.purge.initial-delay", "1h");
        properties.put("opencpis.relay.interval", "20ms");
        properties.put("opencpis.relay.initial-delay", "0s");
        properties.put("opencpis.messaging.transport", "in-process");
        int queries = 40;
        try (ApplicationContext one = ApplicationContext.run(properties); ApplicationContext two = ApplicationContext.run(properties)) {
            registerTwoLasWithRecords(one);
            for (int i = 0; i < queries; i++) {
                ApplicationContext instance = i % 2 == 0 ? one : two;
                instance.getBean(QueryProtectionUseCase.class).query(CLINICIAN, CHILD, AccessKind.UNSCHEDULED);
            }
            InProcessSpineMessaging first = one.getBean(InProcessSpineMessaging.class);
            InProcessSpineMessaging second = two.getBean(InProcessSpineMessaging.class);
            await(() -> first.sendsPerNotification().size() + second.sendsPerNotification().size() >= 2 * queries);
            pause();
            Map<UUID, Integer> total = new HashMap<>(first.sendsPerNotification());
            second.sendsPerNotification().forEach((id, count) -> total.merge(id, count, Integer::sum));
            assertEquals(2 * queries, total.size());
            assertTrue(total.values().stream().allMatch(count -> count == 1), "each sent exactly once across instances");
        }
    }

    private static void registerTwoLasWithRecords(ApplicationContext context) {
        RequestContext admin = new RequestContext(new Actor("admin", new OdsCode("OPENCPIS"), "ADMIN", null), "setup");
        RegisterOrganisationUseCase organisations = context.getBean(RegisterOrganisationUseCase.class);
        for (OdsCode la : List.of(ISLINGTON, CAMDEN)) {
            organisations.register(admin, new Organisation(la, "LA " + la, OrganisationType.LOCAL_AUTHORITY,
                    new PhoneNumber("020 7226 0992"), null, "MB" + la, "pw"));
        }
        RecordPlanUseCase plans = context.getBean(RecordPlanUseCase.class);
        Subject child = new Subject("Test", List.of("Child"), LocalDate.of(2015, 3, 1));
        plans.record(laContext(ISLINGTON), new RecordKey(ISLINGTON, CHILD, PlanType.CPP),
                new PlanDetails(LocalDate.of(2025, 1, 1), null, null, child, null, null, null, null, null));
        plans.record(laContext(CAMDEN), new RecordKey(CAMDEN, CHILD, PlanType.LAC),
                new PlanDetails(LocalDate.of(2025, 1, 1), null, null, child, null, LacLegalStatus.S20, null, null, null));
    }

    private static RequestContext laContext(OdsCode la) {
        return new RequestContext(new Actor("la-" + la, la, "LA", null), "setup");
    }

    private static void assertMessageShape(InProcessSpineMessaging.Delivered delivered) {
        assertEquals("CPIS_ASN", delivered.workflowId());
        try {
            Map<String, Object> body = JsonMapper.createDefault().readValue(delivered.body(),
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            assertEquals(delivered.localId(), body.get("notificationId"));
            assertEquals(CHILD.value(), body.get("nhsNumber"));
            assertEquals(Map.of("userId", "clinician-1", "roleProfileId", "555000111", "roleCode", "S8000:G8000:R8000"),
                    body.get("accessedBy"));
            assertEquals("RXX", ((Map<?, ?>) body.get("organisation")).get("odsCode"));
            Instant.parse((String) body.get("accessedAt"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not delivered within 30 s");
            }
            pause(50);
        }
    }

    private static void pause() {
        pause(500);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
