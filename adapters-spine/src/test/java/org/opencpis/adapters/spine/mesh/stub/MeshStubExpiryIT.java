package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * Expiry by the clock: a message not acknowledged within five days leaves the recipient's inbox
 * and its sender gets a non-delivery REPORT (status code 14). The tests move the server's clock
 * and run the sweep the schedule runs; the last one lets the schedule itself do it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshStubExpiryIT {
    private static final AtomicInteger MAILBOXES = new AtomicInteger();
    private MeshStubTestServer server;
    private TestMeshClient client;

    @BeforeAll
    void start() {
        server = new MeshStubTestServer(Map.of());
        client = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String mailbox() {
        String id = "EXP" + MAILBOXES.incrementAndGet();
        server.mailbox(id, "pw-" + id);
        return id;
    }

    private TestMeshClient.Response as(String mailbox, String method, String path, Map<String, String> headers, byte[] body) {
        return client.call(method, path, mailbox, "pw-" + mailbox, headers, body);
    }

    private String send(String from, String to, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("mex-To", to, "mex-WorkflowID", "CPIS_ASN"));
        headers.putAll(extra);
        TestMeshClient.Response sent = as(from, "POST", "/messageexchange/" + from + "/outbox", headers, "data".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, sent.status(), sent.toString());
        return (String) sent.json().get("message_id");
    }

    private List<String> inbox(String mailbox) {
        return as(mailbox, "GET", "/messageexchange/" + mailbox + "/inbox", Map.of(), null).messages();
    }

    private MeshStubExpiry.Result sweep() {
        return server.context().getBean(MeshStubExpiry.class).sweep();
    }

    @Test
    void anUnacknowledgedMessageExpiresAfterFiveDaysAndItsSenderGetsAReport() {
        String alice = mailbox();
        String bob = mailbox();
        String id = send(alice, bob, Map.of("mex-LocalID", "asn-42", "mex-Subject", "access notification"));

        server.clock().advance(Duration.ofDays(5).minusMinutes(1));
        sweep();
        assertEquals(List.of(id), inbox(bob), "not yet five days");

        server.clock().advance(Duration.ofMinutes(2));
        MeshStubExpiry.Result result = sweep();
        assertTrue(result.expired() >= 1 && result.reports() >= 1, result.toString());
        assertEquals(List.of(), inbox(bob));
        assertEquals(410, as(bob, "GET", "/messageexchange/" + bob + "/inbox/" + id, Map.of(), null).status());
        assertEquals(410, as(bob, "PUT", "/messageexchange/" + bob + "/inbox/" + id + "/status/acknowledged", Map.of(), null).status());

        List<String> reports = inbox(alice);
        assertEquals(1, reports.size());
        TestMeshClient.Response report = as(alice, "GET", "/messageexchange/" + alice + "/inbox/" + reports.get(0), Map.of(), null);
        assertEquals(200, report.status());
        assertEquals(0, report.body().length, "a report has no body");
        assertEquals("REPORT", report.header("Mex-MessageType"));
        assertEquals("14", report.header("Mex-StatusCode"));
        assertEquals("ERROR", report.header("Mex-StatusSuccess"));
        assertEquals("SEND", report.header("Mex-StatusEvent"));
        assertEquals("Message not collected by recipient after 5 days", report.header("Mex-StatusDescription"));
        assertEquals(id, report.header("Mex-LinkedMsgID"));
        assertEquals(reports.get(0), report.header("Mex-MessageID"));
        assertEquals(bob, report.header("Mex-To"), "the intended recipient of the undelivered message");
        assertEquals("CPIS_ASN", report.header("Mex-WorkflowID"));
        assertEquals("asn-42", report.header("Mex-LocalID"));
        assertEquals("access notification", report.header("Mex-Subject"));
        assertTrue(report.header("Mex-StatusTimestamp").matches("[0-9]{14}"));

        Map<String, Object> tracking = as(alice, "GET", "/messageexchange/" + alice + "/outbox/tracking?messageID=" + id, Map.of(), null).json();
        assertEquals("undeliverable", tracking.get("status"));
        assertEquals("14", tracking.get("status_code"));
        assertEquals(false, tracking.get("status_success"));
        Map<String, Object> v1 = as(alice, "GET", "/messageexchange/" + alice + "/outbox/tracking?messageID=" + id,
                Map.of("Accept", "application/json"), null).json();
        assertEquals("ERROR", v1.get("statusSuccess"));
        assertEquals("Message not collected by recipient after 5 days", v1.get("failureDiagnostic"));

        assertEquals(200, as(alice, "PUT", "/messageexchange/" + alice + "/inbox/" + reports.get(0) + "/status/acknowledged",
                Map.of(), null).status());
        assertEquals(List.of(), inbox(alice));
    }

    @Test
    void anAcknowledgedMessageNeverExpires() {
        String alice = mailbox();
        String bob = mailbox();
        String id = send(alice, bob, Map.of());
        as(bob, "PUT", "/messageexchange/" + bob + "/inbox/" + id + "/status/acknowledged", Map.of(), null);
        server.clock().advance(Duration.ofDays(6));
        sweep();
        assertEquals(List.of(), inbox(alice), "no report");
        assertEquals("acknowledged", as(alice, "GET", "/messageexchange/" + alice + "/outbox/tracking?messageID=" + id,
                Map.of(), null).json().get("status"));
    }

    @Test
    void anUnreadReportExpiresWithoutAReportOfItsOwn() {
        String alice = mailbox();
        String bob = mailbox();
        send(alice, bob, Map.of());
        server.clock().advance(Duration.ofDays(5).plusMinutes(1));
        sweep();
        assertEquals(1, inbox(alice).size());
        server.clock().advance(Duration.ofDays(5).plusMinutes(1));
        sweep();
        assertEquals(List.of(), inbox(alice));
        assertEquals(List.of(), inbox(bob));
    }

    @Test
    void aChunkedUploadNeverFinishedExpiresToo() {
        String alice = mailbox();
        String bob = mailbox();
        String id = send(alice, bob, Map.of("mex-Chunk-Range", "1:2"));
        server.clock().advance(Duration.ofDays(5).plusMinutes(1));
        sweep();
        Map<String, Object> tracking = as(alice, "GET", "/messageexchange/" + alice + "/outbox/tracking?messageID=" + id, Map.of(), null).json();
        assertEquals("undeliverable", tracking.get("status"));
        assertEquals("02", tracking.get("status_code"));
        assertEquals(423, as(alice, "POST", "/messageexchange/" + alice + "/outbox/" + id + "/2", Map.of(), "x".getBytes()).status());
        assertEquals(List.of(), inbox(bob));
        assertEquals(List.of(), inbox(alice), "no report for an upload the sender never finished");
    }

    @Test
    void messagesArePurgedAfterTheRetentionPeriodAndSpentTokensAfterTheirWindow() {
        String alice = mailbox();
        String bob = mailbox();
        String id = send(alice, bob, Map.of());
        as(bob, "PUT", "/messageexchange/" + bob + "/inbox/" + id + "/status/acknowledged", Map.of(), null);
        assertEquals(0, count("SELECT count(*) FROM mesh_stub_chunk WHERE message_id = '" + id + "'"), "bytes go at acknowledgement");
        assertTrue(count("SELECT count(*) FROM mesh_stub_nonce") > 0);

        server.clock().advance(Duration.ofDays(30).plusMinutes(1));
        assertTrue(sweep().purged() >= 1);
        assertEquals(0, count("SELECT count(*) FROM mesh_stub_message WHERE message_id = '" + id + "'"));
        assertEquals(0, count("SELECT count(*) FROM mesh_stub_nonce"), "every token used so far is older than two hours");
        assertEquals(404, as(alice, "GET", "/messageexchange/" + alice + "/outbox/tracking?messageID=" + id, Map.of(), null).status());
    }

    @Test
    void theScheduleSweepsByItself() throws InterruptedException {
        try (MeshStubTestServer scheduled = new MeshStubTestServer(Map.of("opencpis.mesh.stub.sweep-interval", "100ms",
                "opencpis.mesh.stub.sweep-initial-delay", "0s", "opencpis.mesh.stub.expiry", "1h"))) {
            TestMeshClient other = scheduled.client();
            String alice = "SCHED" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String bob = alice + "B";
            scheduled.mailbox(alice, "pa");
            scheduled.mailbox(bob, "pb");
            String id = (String) other.call("POST", "/messageexchange/" + alice + "/outbox", alice, "pa",
                    Map.of("mex-To", bob, "mex-WorkflowID", "WF"), "x".getBytes()).json().get("message_id");
            scheduled.clock().advance(Duration.ofMinutes(61));
            Instant deadline = Instant.now().plusSeconds(20);
            List<String> reports = List.of();
            while (reports.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                reports = other.get("/messageexchange/" + alice + "/inbox", alice, "pa").messages();
            }
            assertEquals(1, reports.size(), "the scheduled sweep sent the report");
            TestMeshClient.Response report = other.get("/messageexchange/" + alice + "/inbox/" + reports.get(0), alice, "pa");
            assertEquals(id, report.header("Mex-LinkedMsgID"));
            assertEquals("Message not collected by recipient after 1 hour", report.header("Mex-StatusDescription"));
        }
    }

    private long count(String sql) {
        JdbcOperations jdbc = server.context().getBean(JdbcOperations.class);
        return server.context().getBean(Transactions.class).inTransaction(() -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }));
    }
}
