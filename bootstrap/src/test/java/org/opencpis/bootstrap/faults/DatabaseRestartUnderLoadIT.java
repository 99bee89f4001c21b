package org.opencpis.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.adapters.spine.messaging.InProcessSpineMessaging;
import org.opencpis.bootstrap.OpenCpisApplication;
import org.opencpis.bootstrap.TestStartup;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Await;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.RestartablePostgres;
import org.opencpis.bootstrap.support.Tokens;

/**
 * Fault injection (issue #7): the PostgreSQL server is stopped under a burst of unscheduled CP-IS
 * queries and started again on the same port and data directory, while the service keeps running
 * with the pool settings of {@code application.yml} (connection timeout 5 s).
 */
class DatabaseRestartUnderLoadIT {
    private static final String PREFIX = "db-restart-";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void queriesAre503WhileTheDatabaseIsDownAndEveryAnsweredQueryNotifiesEachLaOnce(@TempDir Path dir) throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("postgres"));
             OpenCpisApplication.Running service = new TestStartup(dir.resolve("service")).startOnExternal(
                     postgres.datasourceProperties(), Map.of("opencpis.messaging.transport", "in-process",
                             "opencpis.relay.interval", "200ms", "opencpis.relay.initial-delay", "0s"))) {
            Api api = new Api(service.context().getBean(EmbeddedServer.class).getURI());
            Setup.twoLasWithRecordsForTheChild(api);

            List<QueryBurst.Outcome> outcomes;
            long answeredBeforeRestart;
            try (QueryBurst burst = new QueryBurst(api, Setup.CHILD, PREFIX, 4).start()) {
                Await.until(PATIENCE, () -> "20 answers before the outage", () -> burst.count(o -> o.status() == 200) >= 20);

                postgres.stop();
                Await.until(PATIENCE, () -> "503s while the database is down: " + burst.outcomes().size() + " answers",
                        () -> burst.count(o -> o.status() == 503) >= 8);

                postgres.restart();
                answeredBeforeRestart = burst.count(o -> o.status() == 200);
                Await.until(PATIENCE, () -> "recovery without a restart of the service",
                        () -> burst.count(o -> o.status() == 200) >= answeredBeforeRestart + 20);
                outcomes = burst.stop();
            }

            for (QueryBurst.Outcome outcome : outcomes) {
                assertTrue(outcome.status() == 200 || outcome.status() == 503, "only 200 or 503, never a 500: " + outcome);
                if (outcome.status() == 200) {
                    assertEquals(2, outcome.total(), "both LAs' records: " + outcome);
                } else {
                    assertEquals("5", outcome.retryAfter(), "a 503 says when to try again: " + outcome);
                    OperationOutcome fhir = Fhir.strictParser().parseResource(OperationOutcome.class, outcome.body());
                    assertEquals("UNABLE_TO_CALL_SERVICE", fhir.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
                }
            }
            assertEquals(200, api.get("/health", null).status(), "healthy again");

            Map<String, Ledger> ledger;
            try (Connection connection = postgres.connect()) {
                ledger = Ledger.read(connection, PREFIX);
            }
            int inDoubt = Ledger.assertEveryAnsweredQueryNotifiedOnce(outcomes, ledger, Setup.LAS.size());

            // the relay, which also lost its database, delivers every notification after the outage; a batch it had
            // claimed when the database went stays claimed until its two-minute lease runs out, hence the patience
            Await.until(Duration.ofMinutes(4), () -> "every notification delivered", () -> undelivered(postgres) == 0);
            Set<UUID> stored = notificationIds(postgres);
            InProcessSpineMessaging messaging = service.context().getBean(InProcessSpineMessaging.class);
            assertEquals(stored, new HashSet<>(messaging.sendsPerNotification().keySet()), "each stored notification was sent");
            long repeats = messaging.sendsPerNotification().values().stream().filter(count -> count > 1).count();
            assertEquals(0, repeats, "no notification was sent twice");

            Api.Response verification = api.get("/api/v1/audit/verification", Tokens.auditor());
            assertEquals(200, verification.status(), verification.toString());
            assertEquals(Boolean.TRUE, verification.json().get("valid"), verification.toString());

            System.out.printf("DatabaseRestartUnderLoadIT: %d queries, %d answered 200, %d 503, %d recorded in doubt, %d notifications%n",
                    outcomes.size(), outcomes.stream().filter(o -> o.status() == 200).count(),
                    outcomes.stream().filter(o -> o.status() == 503).count(), inDoubt, stored.size());
        }
    }

    static long undelivered(RestartablePostgres postgres) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM access_notification WHERE delivered_at IS NULL")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    static Set<UUID> notificationIds(RestartablePostgres postgres) throws java.sql.SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT notification_id FROM access_notification")) {
            while (row.next()) {
                ids.add(row.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
