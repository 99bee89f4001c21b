package org.opencpis.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.adapters.spine.mesh.client.MeshClient;
import org.opencpis.adapters.spine.mesh.client.MeshCredentials;
import org.opencpis.adapters.spine.mesh.client.RetryPolicy;
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
 *
 * <p>The fake follows a script of one mode per request, written for what the client is meant to do:
 * four attempts at the post refused with 503 (the relay's first attempt); then a post that MESH
 * takes too late and four attempts at tracking it, all too late (the second); then MESH answers.
 * A client that did otherwise fails the assertions on what the fake saw.
 */
class MeshOutageIT {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Map<String, Object> QUIET = Map.of("opencpis.mesh.inbound.enabled", "false",
            "opencpis.uploads.processing.enabled", "false");

    @Test
    void theRelayBacksOffWhileMeshIsDownOrSlowAndDeliversTheNotificationOnceAfter(@TempDir Path dir) {
        Map<String, Object> meshDatabase = new HashMap<>(TestDatabase.fresh().micronautProperties());
        Map<String, Object> serviceDatabase = new HashMap<>(TestDatabase.fresh().micronautProperties());
        Map<String, Object> meshOnly = new HashMap<>(QUIET);
        meshOnly.put("opencpis.relay.enabled", "false");
        try (OpenCpisApplication.Running mesh = new TestStartup(dir.resolve("mesh")).startOnExternal(meshDatabase, meshOnly);
             FakeMeshServer fake = FakeMeshServer.start(uriOf(mesh), CLIENT_TIMEOUT.multipliedBy(3),
                     Mode.UNAVAILABLE, Mode.UNAVAILABLE, Mode.UNAVAILABLE, Mode.UNAVAILABLE,
                     Mode.SLOW, Mode.SLOW, Mode.SLOW, Mode.SLOW, Mode.SLOW)) {
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

                Await.until(PATIENCE, () -> "delivered after MESH recovered: " + fake.seen() + "; the notification: "
                                + serviceDb.text("SELECT concat_ws(' ', 'attempts', attempts, 'due', due_at, 'claimed until',"
                                + " claimed_until, 'now', now()) FROM access_notification"),
                        () -> serviceDb.number("SELECT count(*) FROM access_notification WHERE delivered_at IS NOT NULL") == 1);

                List<Seen> seen = fake.seen();
                List<Seen> unavailable = seen.stream().filter(s -> s.mode() == Mode.UNAVAILABLE).toList();
                List<Seen> slow = seen.stream().filter(s -> s.mode() == Mode.SLOW).toList();
                List<Seen> recovered = seen.stream().filter(s -> s.mode() == Mode.FORWARD).toList();
                assertEquals(4, unavailable.stream().filter(MeshOutageIT::isPost).count(),
                        "the client retried the 503 (four attempts) before giving the notification back: " + seen);
                assertEquals(1, slow.stream().filter(MeshOutageIT::isPost).count(),
                        "a post that timed out is not posted again, but looked for by tracking: " + slow);
                assertEquals(4, slow.stream().filter(MeshOutageIT::isTracking).count(), "tracking asked: " + slow);
                assertTrue(recovered.stream().anyMatch(MeshOutageIT::isTracking), "tracking asked first: " + recovered);
                assertEquals(0, recovered.stream().filter(MeshOutageIT::isPost).count(),
                        "after recovery the message is found by tracking, not posted a second time: " + recovered
                        + "; MESH answered " + fake.answers());
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

                // tracking by local id, which the client relies on, finds the message MESH holds
                MeshClient client = new MeshClient(() -> uriOf(mesh), new MeshCredentials("OPENCPIS", "password", "TestKey"),
                        Clock.systemUTC(), RetryPolicy.standard());
                assertEquals(meshDb.text("SELECT message_id FROM mesh_stub_message WHERE local_id = ?", notificationId),
                        client.trackedMessageId(notificationId));
                assertEquals(null, client.trackedMessageId(UUID.randomUUID().toString()), "an unknown local id: none");
            }
        }
    }

    private static boolean isTracking(Seen seen) {
        return seen.method().equals("GET") && seen.path().contains("/outbox/tracking/");
    }

    private static boolean isPost(Seen seen) {
        return seen.method().equals("POST") && seen.path().endsWith("/outbox");
    }

    /** From the last request of one phase to the first of the next. */
    private static Duration gap(List<Seen> before, List<Seen> after) {
        return Duration.between(before.get(before.size() - 1).at(), after.get(0).at());
    }

    private static java.net.URI uriOf(OpenCpisApplication.Running running) {
        return running.context().getBean(EmbeddedServer.class).getURI();
    }
}
