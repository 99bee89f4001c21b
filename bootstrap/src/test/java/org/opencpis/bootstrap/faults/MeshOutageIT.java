package org.opencpis.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.bootstrap.OpenCpisApplication;
import org.opencpis.bootstrap.TestStartup;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Await;
import org.opencpis.bootstrap.support.FakeMeshServer;
import org.opencpis.bootstrap.support.FakeMeshServer.Mode;
import org.opencpis.bootstrap.support.FakeMeshServer.Seen;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Sql;

/**
 * Fault injection (issue #7): the MESH server OpenCPIS sends notifications to ({@code opencpis.mesh.url})
 * first answers 503, then answers too slowly (after the client's request timeout, though it does
 * take the message), then recovers. The MESH server behind the fake is a second OpenCPIS serving
 * only its MESH stub. The relay retries with its back-off (5 s, then 10 s), and the notification
 * reaches the LA's mailbox exactly once: the post that timed out is found by tracking, not posted again.
 */
class MeshOutageIT {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);
    private static final Map<String, Object> QUIET = Map.of("opencpis.mesh.inbound.enabled", "false",
            "opencpis.uploads.processing.enabled", "false");

    @Test
    void theRelayBacksOffWhileMeshIsDownOrSlowAndDeliversTheNotificationOnceAfter(@TempDir Path dir) {
        Map<String, Object> meshDatabase = new HashMap<>(TestDatabase.fresh().micronautProperties());
        Map<String, Object> serviceDatabase = new HashMap<>(TestDatabase.fresh().micronautProperties());
        Map<String, Object> meshOnly = new HashMap<>(QUIET);
        meshOnly.put("opencpis.relay.enabled", "false");
        try (OpenCpisApplication.Running mesh = new TestStartup(dir.resolve("mesh")).startOnExternal(meshDatabase, meshOnly);
             FakeMeshServer fake = FakeMeshServer.start(uriOf(mesh), CLIENT_TIMEOUT.multipliedBy(3))) {
            Map<String, Object> service = new HashMap<>(QUIET);
            service.put("opencpis.mesh.url", fake.uri().toString());
            service.put("opencpis.mesh.request-timeout", CLIENT_TIMEOUT.toMillis() + "ms");
            service.put("opencpis.relay.interval", "200ms");
            service.put("opencpis.relay.initial-delay", "0s");
            try (OpenCpisApplication.Running opencpis = new TestStartup(dir.resolve("service")).startOnExternal(
                    serviceDatabase, service)) {
                Api meshApi = new Api(uriOf(mesh));
                Api api = new Api(uriOf(opencpis));
                Setup.registerLa(meshApi, "706"); // provisions the LA's mailbox in the MESH stub
                Setup.registerLa(api, "706");
                Setup.recordPlan(api, "706", Setup.CHILD, "CPP", "");
                Sql serviceDb = Sql.of(serviceDatabase);
                Sql meshDb = Sql.of(meshDatabase);

                Api.Response query = Fhir.get(api, Fhir.careTeamSearch(Setup.CHILD), Fhir.staff("clinician-1", "RXX", "B0107"));
                assertEquals(1, Fhir.searchset(query).getTotal(), "the clinician sees the record while MESH is down");
                assertEquals(1, serviceDb.number("SELECT count(*) FROM access_notification"));

                awaitFailedAttempts(serviceDb, 1);
                fake.mode(Mode.SLOW);
                awaitFailedAttempts(serviceDb, 2);
                fake.mode(Mode.FORWARD);
                Await.until(PATIENCE, () -> "delivered after MESH recovered: " + fake.seen(),
                        () -> serviceDb.number("SELECT count(*) FROM access_notification WHERE delivered_at IS NOT NULL") == 1);

                List<Seen> seen = fake.seen();
                List<Seen> unavailable = seen.stream().filter(s -> s.mode() == Mode.UNAVAILABLE).toList();
                List<Seen> slow = seen.stream().filter(s -> s.mode() == Mode.SLOW).toList();
                List<Seen> recovered = seen.stream().filter(s -> s.mode() == Mode.FORWARD).toList();
                assertEquals(4, unavailable.stream().filter(MeshOutageIT::isPost).count(),
                        "the client retried the 503 (four attempts) before giving the notification back: " + seen);
                assertEquals(1, slow.stream().filter(MeshOutageIT::isPost).count(),
                        "a post that timed out is not posted again, but looked for by tracking: " + slow);
                assertTrue(slow.size() > 1, "tracking asked: " + slow);
                assertEquals(0, recovered.stream().filter(MeshOutageIT::isPost).count(),
                        "after recovery the message is found by tracking, not posted a second time: " + recovered);
                assertTrue(gap(unavailable, slow).compareTo(Duration.ofMillis(4500)) >= 0,
                        "the relay waited its first back-off (5 s): " + gap(unavailable, slow));
                assertTrue(gap(slow, recovered).compareTo(Duration.ofMillis(9500)) >= 0,
                        "the relay waited its second back-off (10 s): " + gap(slow, recovered));

                assertEquals(3, serviceDb.number("SELECT attempts FROM access_notification"), "three relay attempts");
                String notificationId = serviceDb.text("SELECT notification_id FROM access_notification");
                assertEquals(1, meshDb.number("SELECT count(*) FROM mesh_stub_message WHERE workflow_id = 'CPIS_ASN'"
                        + " AND recipient = 'LA706MB' AND local_id = ?", notificationId), "exactly one message in the LA's mailbox");
                assertEquals(1, meshDb.number("SELECT count(*) FROM mesh_stub_message WHERE workflow_id = 'CPIS_ASN'"),
                        "and no other");
            }
        }
    }

    private static boolean isPost(Seen seen) {
        return seen.method().equals("POST") && seen.path().endsWith("/outbox");
    }

    /** From the last request of one phase to the first of the next. */
    private static Duration gap(List<Seen> before, List<Seen> after) {
        return Duration.between(before.get(before.size() - 1).at(), after.get(0).at());
    }

    /** Waits until the relay has tried {@code attempts} times and released the notification to try again later. */
    private static void awaitFailedAttempts(Sql db, int attempts) {
        Await.until(PATIENCE, () -> "relay attempt " + attempts + " failed and released", () -> db.number(
                "SELECT count(*) FROM access_notification WHERE attempts = ? AND claimed_until IS NULL AND delivered_at IS NULL",
                attempts) == 1);
    }

    private static java.net.URI uriOf(OpenCpisApplication.Running running) {
        return running.context().getBean(EmbeddedServer.class).getURI();
    }
}
