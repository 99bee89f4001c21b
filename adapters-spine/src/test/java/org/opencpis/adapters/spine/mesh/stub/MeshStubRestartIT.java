package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/** Messages, chunked uploads and spent tokens survive a restart on the same database; secrets never reach the log. */
class MeshStubRestartIT {
    private static final String BODY = "restart-proof payload 7f3a";

    @Test
    void everythingSurvivesARestartAndTheLogHoldsNoSecrets() {
        Logger stubLogger = (Logger) LoggerFactory.getLogger("org.opencpis.adapters.spine.mesh");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        stubLogger.addAppender(log);
        Level level = stubLogger.getLevel();
        stubLogger.setLevel(Level.DEBUG);
        String alicePassword = "alice-secret-password-1";
        String bobPassword = "bob-secret-password-2";
        try (MeshStubTestServer server = new MeshStubTestServer(TestDatabase.fresh(), new MutableClock(),
                Map.of("opencpis.mesh.password", "opencpis-secret-password-3"))) {
            server.mailbox("RSA", alicePassword);
            server.mailbox("RSB", bobPassword);
            TestMeshClient client = server.client();
            String single = (String) client.call("POST", "/messageexchange/RSA/outbox", "RSA", alicePassword,
                    Map.of("mex-To", "RSB", "mex-WorkflowID", "CPIS_COHORT"), BODY.getBytes(StandardCharsets.UTF_8)).json().get("message_id");
            String chunked = (String) client.call("POST", "/messageexchange/RSA/outbox", "RSA", alicePassword,
                    Map.of("mex-To", "RSB", "mex-WorkflowID", "CPIS_UPLOAD", "mex-Chunk-Range", "1:2"), "part one;".getBytes())
                    .json().get("message_id");
            String spent = client.token("RSB", bobPassword);
            assertEquals(200, client.raw("GET", "/messageexchange/RSB/inbox", Map.of("Authorization", spent), null).status());

            server.restart();
            client = server.client();

            assertEquals(List.of(single), client.get("/messageexchange/RSB/inbox", "RSB", bobPassword).messages());
            assertEquals(BODY, client.get("/messageexchange/RSB/inbox/" + single, "RSB", bobPassword).text());
            assertEquals(202, client.call("POST", "/messageexchange/RSA/outbox/" + chunked + "/2", "RSA", alicePassword,
                    Map.of("mex-Chunk-Range", "2:2"), "part two".getBytes()).status());
            assertEquals(List.of(single, chunked), client.get("/messageexchange/RSB/inbox", "RSB", bobPassword).messages());
            assertEquals("part two", client.get("/messageexchange/RSB/inbox/" + chunked + "/2", "RSB", bobPassword).text());
            assertEquals(403, client.raw("GET", "/messageexchange/RSB/inbox", Map.of("Authorization", spent), null).status(),
                    "a token used before the restart stays used");
            assertEquals(200, client.call("GET", "/messageexchange/OPENCPIS", "OPENCPIS", "opencpis-secret-password-3",
                    Map.of("mex-ClientVersion", "t", "mex-OSName", "t", "mex-OSVersion", "t"), null).status());
            client.raw("GET", "/messageexchange/RSB/inbox", Map.of("Authorization", client.token("RSB", "a-wrong-password")), null);
        } finally {
            stubLogger.detachAppender(log);
            stubLogger.setLevel(level);
        }

        List<String> warnings = log.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(2, warnings.stream().filter(message -> message.startsWith("MESH STUB IN USE")).count(),
                "one warning per start: " + warnings);
        assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().contains("refused a request for mailbox RSB")));
        for (ILoggingEvent event : log.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            for (String secret : List.of("secret-password", "a-wrong-password", "NHSMESH", BODY, "part one", "part two",
                    MeshStubTestServer.SHARED_KEY)) {
                assertFalse(text.contains(secret), "logged '" + secret + "': " + text);
            }
        }
    }
}
