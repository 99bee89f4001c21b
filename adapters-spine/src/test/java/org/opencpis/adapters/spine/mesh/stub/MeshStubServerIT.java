package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of the MESH stub over real HTTP, as a MESH client sees it, on PostgreSQL.
 * Each test uses mailboxes of its own, so the tests share one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshStubServerIT {
    private static final int CHUNK_LIMIT = 4 * 1024 * 1024;
    private static final AtomicInteger MAILBOXES = new AtomicInteger();

    private MeshStubTestServer server;
    private TestMeshClient client;

    @BeforeAll
    void start() {
        server = new MeshStubTestServer(Map.of("opencpis.mesh.stub.max-chunk-size", String.valueOf(CHUNK_LIMIT),
                "opencpis.mesh.stub.max-message-size", "10MB"));
        client = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    record Mailbox(String id, String password) {
    }

    private Mailbox mailbox() {
        Mailbox mailbox = new Mailbox("MB" + MAILBOXES.incrementAndGet(), "pw-" + UUID.randomUUID());
        server.mailbox(mailbox.id(), mailbox.password());
        return mailbox;
    }

    private TestMeshClient.Response get(Mailbox as, String path) {
        return client.get(path, as.id(), as.password());
    }

    private TestMeshClient.Response call(Mailbox as, String method, String path, Map<String, String> headers, byte[] body) {
        return client.call(method, path, as.id(), as.password(), headers, body);
    }

    private TestMeshClient.Response send(Mailbox from, Mailbox to, String workflow, byte[] body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of("mex-To", to.id(), "mex-WorkflowID", workflow,
                "Content-Type", "application/octet-stream"));
        headers.putAll(extra);
        return call(from, "POST", "/messageexchange/" + from.id() + "/outbox", headers, body);
    }

    private String sendOk(Mailbox from, Mailbox to, String workflow, String body) {
        TestMeshClient.Response sent = send(from, to, workflow, body.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(202, sent.status(), sent.toString());
        return (String) sent.json().get("message_id");
    }

    private List<String> inbox(Mailbox owner) {
        TestMeshClient.Response response = get(owner, "/messageexchange/" + owner.id() + "/inbox");
        assertEquals(200, response.status(), response.toString());
        return response.messages();
    }

    /** 403 with a MeshError body: v2 when the request asked for v2, v1 (the default) otherwise. */
    private static void assertForbidden(TestMeshClient.Response response) {
        assertEquals(403, response.status(), response.toString());
        if (response.json().containsKey("detail")) {
            assertEquals("Authentication failed", response.firstDetail().get("msg"));
            assertNotNull(response.json().get("internal_id"));
        } else {
            assertEquals("Authentication failed", response.json().get("errorDescription"));
            assertEquals("application/json", response.header("Content-Type"));
        }
    }

    private static Map<String, String> handshakeHeaders() {
        return Map.of("mex-ClientVersion", "OpenCPIS-test==1.0", "mex-OSName", "Linux", "mex-OSVersion", "6.1");
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Nested
    class Handshake {
        @Test
        void getAndPostValidateTheMailboxWithAnEmptyV2Body() {
            Mailbox mailbox = mailbox();
            for (String method : List.of("GET", "POST")) {
                TestMeshClient.Response response = call(mailbox, method, "/messageexchange/" + mailbox.id(), handshakeHeaders(), null);
                assertEquals(200, response.status(), method + " " + response);
                assertEquals(0, response.body().length);
            }
        }

        @Test
        void v1AnswersTheMailboxId() {
            Mailbox mailbox = mailbox();
            Map<String, String> headers = new HashMap<>(handshakeHeaders());
            headers.put("Accept", "application/json");
            TestMeshClient.Response response = call(mailbox, "GET", "/messageexchange/" + mailbox.id(), headers, null);
            assertEquals(200, response.status());
            assertEquals(Map.of("mailboxId", mailbox.id()), response.json());
        }

        @Test
        void theClientHeadersTheSpecRequiresAreRequired() {
            Mailbox mailbox = mailbox();
            TestMeshClient.Response response = call(mailbox, "GET", "/messageexchange/" + mailbox.id(),
                    Map.of("mex-ClientVersion", "x", "mex-OSVersion", "1"), null);
            assertEquals(400, response.status());
            assertEquals(List.of("header", "mex-osname"), response.firstDetail().get("loc"));
            assertEquals("value_error.missing", response.firstDetail().get("type"));
        }

        @Test
        void openCpisOwnMailboxExistsWithTheConfiguredPassword() {
            TestMeshClient.Response response = client.call("GET", "/messageexchange/OPENCPIS", "OPENCPIS",
                    MeshStubSettings.DEFAULT_PASSWORD, handshakeHeaders(), null);
            assertEquals(200, response.status(), response.toString());
        }

        @Test
        void mailboxIdsIgnoreCase() {
            Mailbox mailbox = mailbox();
            String lower = mailbox.id().toLowerCase();
            TestMeshClient.Response response = client.call("GET", "/messageexchange/" + lower, lower, mailbox.password(),
                    handshakeHeaders(), null);
            assertEquals(200, response.status(), response.toString());
        }
    }

    @Nested
    class Authentication {
        @Test
        void aWrongPasswordIsForbidden() {
            Mailbox mailbox = mailbox();
            assertForbidden(client.get("/messageexchange/" + mailbox.id() + "/inbox", mailbox.id(), "not-the-password"));
        }

        @Test
        void anUnknownMailboxIsForbidden() {
            assertForbidden(client.get("/messageexchange/NOSUCHBOX/inbox", "NOSUCHBOX", "whatever"));
        }

        @Test
        void aTokenSignedWithAnotherSharedKeyIsForbidden() {
            Mailbox mailbox = mailbox();
            String token = TestMeshClient.token("NotTheKey", mailbox.id(), mailbox.password(), UUID.randomUUID().toString(), 0,
                    server.clock().instant());
            assertForbidden(client.raw("GET", "/messageexchange/" + mailbox.id() + "/inbox", Map.of("Authorization", token), null));
        }

        @Test
        void aReplayedTokenIsForbidden() {
            Mailbox mailbox = mailbox();
            String token = client.token(mailbox.id(), mailbox.password());
            String path = "/messageexchange/" + mailbox.id() + "/inbox";
            assertEquals(200, client.raw("GET", path, Map.of("Authorization", token), null).status());
            assertForbidden(client.raw("GET", path, Map.of("Authorization", token), null));
        }

        @Test
        void oneNonceServesManyRequestsWithRisingCountsButNoCountTwice() {
            Mailbox mailbox = mailbox();
            String nonce = UUID.randomUUID().toString();
            String path = "/messageexchange/" + mailbox.id() + "/inbox";
            Instant now = server.clock().instant();
            for (int count = 0; count < 3; count++) {
                String token = client.token(mailbox.id(), mailbox.password(), nonce, count, now);
                assertEquals(200, client.raw("GET", path, Map.of("Authorization", token), null).status(), "count " + count);
            }
            assertForbidden(client.raw("GET", path, Map.of("Authorization", client.token(mailbox.id(), mailbox.password(), nonce, 1, now)), null));
        }

        @Test
        void aTimestampMoreThanTwoHoursOldOrAheadIsForbiddenButJustInsideIsNot() {
            Mailbox mailbox = mailbox();
            String path = "/messageexchange/" + mailbox.id() + "/inbox";
            Instant now = server.clock().instant();
            for (Duration stale : List.of(Duration.ofMinutes(-122), Duration.ofMinutes(122), Duration.ofDays(-1))) {
                String token = client.token(mailbox.id(), mailbox.password(), UUID.randomUUID().toString(), 0, now.plus(stale));
                assertForbidden(client.raw("GET", path, Map.of("Authorization", token), null));
            }
            for (Duration inside : List.of(Duration.ofMinutes(-119), Duration.ofMinutes(119))) {
                String token = client.token(mailbox.id(), mailbox.password(), UUID.randomUUID().toString(), 0, now.plus(inside));
                assertEquals(200, client.raw("GET", path, Map.of("Authorization", token), null).status(), inside.toString());
            }
        }

        @Test
        void anotherMailboxsPathIsForbiddenEvenWithAGoodToken() {
            Mailbox mine = mailbox();
            Mailbox theirs = mailbox();
            assertForbidden(client.get("/messageexchange/" + theirs.id() + "/inbox", mine.id(), mine.password()));
            String id = sendOk(mailbox(), theirs, "WF", "for them only");
            assertForbidden(client.get("/messageexchange/" + theirs.id() + "/inbox/" + id, mine.id(), mine.password()));
        }

        @Test
        void missingOrMalformedHeadersAreForbidden() {
            Mailbox mailbox = mailbox();
            String path = "/messageexchange/" + mailbox.id() + "/inbox";
            assertForbidden(client.raw("GET", path, Map.of(), null));
            for (String header : List.of("Bearer abc", "NHSMESH ", "NHSMESH " + mailbox.id() + ":a:b:c:d",
                    "NHSMESH " + mailbox.id() + ":n:0:209913311200:" + "0".repeat(64), "Basic dXNlcjpwYXNz")) {
                assertForbidden(client.raw("GET", path, Map.of("Authorization", header), null));
            }
        }

        @Test
        void everyOperationIsAuthenticated() {
            Mailbox mailbox = mailbox();
            String base = "/messageexchange/" + mailbox.id();
            for (String[] call : List.of(new String[] {"GET", base}, new String[] {"POST", base},
                    new String[] {"GET", base + "/inbox"}, new String[] {"GET", base + "/count"},
                    new String[] {"GET", base + "/inbox/X"}, new String[] {"HEAD", base + "/inbox/X"},
                    new String[] {"GET", base + "/inbox/X/2"}, new String[] {"PUT", base + "/inbox/X/status/acknowledged"},
                    new String[] {"POST", base + "/outbox"}, new String[] {"POST", base + "/outbox/X/2"},
                    new String[] {"GET", base + "/outbox/tracking?messageID=X"}, new String[] {"GET", base + "/outbox/tracking/L"})) {
                Map<String, String> headers = Map.of("Authorization", client.token(mailbox.id(), "wrong"));
                byte[] body = call[0].equals("POST") || call[0].equals("PUT") ? "x".getBytes(StandardCharsets.UTF_8) : null;
                TestMeshClient.Response response = client.raw(call[0], call[1], headers, body);
                assertEquals(403, response.status(), call[0] + " " + call[1]);
            }
        }
    }

    @Nested
    class SendAndReceive {
        @Test
        void aMessageIsSentListedDownloadedAcknowledgedAndThenGone() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            byte[] body = "Hi Bob, it's Alice.".getBytes(StandardCharsets.UTF_8);
            TestMeshClient.Response sent = send(alice, bob, "CPIS_ASN", body, Map.of("mex-LocalID", "local-1",
                    "mex-Subject", "greeting", "mex-FileName", "hello.txt", "mex-Content-Checksum", "md5:abc",
                    "Content-Type", "text/plain"));
            assertEquals(202, sent.status(), sent.toString());
            assertEquals(TestMeshClient.V2, sent.header("Content-Type"));
            String id = (String) sent.json().get("message_id");
            assertTrue(id.matches("[0-9]{20}_[0-9A-F]{6}"), id);

            assertEquals(List.of(id), inbox(bob));
            assertEquals(List.of(), inbox(alice));

            TestMeshClient.Response download = get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id);
            assertEquals(200, download.status(), download.toString());
            assertArrayEquals(body, download.body());
            assertEquals(String.valueOf(body.length), download.header("Content-Length"));
            assertEquals("application/octet-stream", download.header("Content-Type"));
            assertEquals("DATA", download.header("Mex-MessageType"));
            assertEquals(id, download.header("Mex-MessageID"));
            assertEquals(alice.id(), download.header("Mex-From"));
            assertEquals(bob.id(), download.header("Mex-To"));
            assertEquals("CPIS_ASN", download.header("Mex-WorkflowID"));
            assertEquals("local-1", download.header("Mex-LocalID"));
            assertEquals("greeting", download.header("Mex-Subject"));
            assertEquals("hello.txt", download.header("Mex-FileName"));
            assertEquals("md5:abc", download.header("Mex-Content-Checksum"));
            assertEquals("text/plain", download.header("Mex-Content-Type"));
            assertEquals("1:1", download.header("Mex-Chunk-Range"));
            assertEquals("00", download.header("Mex-StatusCode"));
            assertEquals("SUCCESS", download.header("Mex-StatusSuccess"));
            assertNull(download.header("Content-Encoding"));

            TestMeshClient.Response acknowledged = call(bob, "PUT", "/messageexchange/" + bob.id() + "/inbox/" + id
                    + "/status/acknowledged", Map.of(), null);
            assertEquals(200, acknowledged.status(), acknowledged.toString());
            assertEquals(0, acknowledged.body().length);
            assertEquals(List.of(), inbox(bob));

            TestMeshClient.Response gone = get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id);
            assertEquals(410, gone.status(), gone.toString());
            assertEquals(id, gone.json().get("message_id"));
            assertEquals(200, call(bob, "PUT", "/messageexchange/" + bob.id() + "/inbox/" + id + "/status/acknowledged",
                    Map.of(), null).status(), "acknowledging twice is harmless");
        }

        @Test
        void headGivesTheHeadersWithoutTheBody() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = sendOk(alice, bob, "WF", "body");
            TestMeshClient.Response head = call(bob, "HEAD", "/messageexchange/" + bob.id() + "/inbox/" + id, Map.of(), null);
            assertEquals(200, head.status());
            assertEquals(id, head.header("Mex-MessageID"));
            assertEquals(0, head.body().length);
        }

        @Test
        void v1ClientsGetV1Bodies() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            Map<String, String> v1 = Map.of("Accept", "application/json");
            TestMeshClient.Response sent = call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox",
                    Map.of("Accept", "application/json", "mex-To", bob.id(), "mex-WorkflowID", "WF"), "x".getBytes());
            assertEquals(202, sent.status());
            assertEquals("application/json", sent.header("Content-Type"));
            String id = (String) sent.json().get("messageID");
            TestMeshClient.Response inbox = call(bob, "GET", "/messageexchange/" + bob.id() + "/inbox", v1, null);
            assertEquals(Map.of("messages", List.of(id)), inbox.json());
            TestMeshClient.Response ack = call(bob, "PUT", "/messageexchange/" + bob.id() + "/inbox/" + id
                    + "/status/acknowledged", v1, null);
            assertEquals(Map.of("messageId", id), ack.json());
        }

        @Test
        void theInboxCountCountsWaitingMessages() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            sendOk(alice, bob, "WF", "1");
            sendOk(alice, bob, "WF", "2");
            assertEquals(Map.of("count", 2), get(bob, "/messageexchange/" + bob.id() + "/count").json());
        }

        @Test
        void theRecipientMayBeWrittenInLowerCase() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response sent = send(alice, new Mailbox(bob.id().toLowerCase(), null), "WF", "x".getBytes(), Map.of());
            assertEquals(202, sent.status());
            assertEquals(1, inbox(bob).size());
        }

        @Test
        void mexToIsRequired() {
            Mailbox alice = mailbox();
            TestMeshClient.Response response = call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox",
                    Map.of("mex-WorkflowID", "WF"), "x".getBytes());
            assertEquals(400, response.status(), response.toString());
            assertEquals(Map.of("loc", List.of("header", "mex-to"), "msg", "field required", "type", "value_error.missing"),
                    response.firstDetail());
        }

        @Test
        void mexWorkflowIdIsRequired() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response response = call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox",
                    Map.of("mex-To", bob.id()), "x".getBytes());
            assertEquals(400, response.status(), response.toString());
            assertEquals(List.of("header", "mex-workflowid"), response.firstDetail().get("loc"));
            assertEquals(List.of(), inbox(bob));
        }

        @Test
        void overLongHeadersAreValidationErrors() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response response = send(alice, bob, "WF", "x".getBytes(), Map.of("mex-LocalID", "l".repeat(301)));
            assertEquals(400, response.status());
            assertEquals(List.of("header", "mex-localid"), response.firstDetail().get("loc"));
        }

        @Test
        void anUnknownRecipientIsAnUnregisteredToAddress() {
            Mailbox alice = mailbox();
            TestMeshClient.Response response = send(alice, new Mailbox("NOBODYHERE", null), "WF", "x".getBytes(), Map.of());
            assertEquals(417, response.status(), response.toString());
            assertEquals(Map.of("event", "SEND", "code", "12", "msg", "Unregistered to address"), response.firstDetail());
        }

        @Test
        void aFromAddressOtherThanTheSendersIsRefused() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response response = send(alice, bob, "WF", "x".getBytes(), Map.of("mex-From", bob.id()));
            assertEquals(417, response.status());
            assertEquals("07", response.firstDetail().get("code"));
            assertEquals(202, send(alice, bob, "WF", "x".getBytes(), Map.of("mex-From", alice.id())).status());
        }

        @Test
        void anEmptyMessageIsAMissingDataFile() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response response = send(alice, bob, "WF", new byte[0], Map.of());
            assertEquals(417, response.status());
            assertEquals("02", response.firstDetail().get("code"));
        }

        @Test
        void aChunkOverTheLimitIsTooLargeAndNothingIsStored() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response response = send(alice, bob, "WF", new byte[CHUNK_LIMIT + 1], Map.of());
            assertEquals(413, response.status(), response.toString());
            assertEquals("SEND", response.firstDetail().get("event"));
            assertEquals(List.of(), inbox(bob));
            assertEquals(202, send(alice, bob, "WF", new byte[CHUNK_LIMIT], Map.of()).status(), "the limit itself is allowed");
        }

        @Test
        void aStreamedBodyOverTheLimitIsCutOffWithTooLarge() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response response = client.streamed("POST", "/messageexchange/" + alice.id() + "/outbox", alice.id(),
                    alice.password(), Map.of("mex-To", bob.id(), "mex-WorkflowID", "WF"),
                    () -> new java.io.ByteArrayInputStream(new byte[2 * CHUNK_LIMIT]));
            assertEquals(413, response.status(), response.toString());
            assertEquals("close", response.header("Connection"), "the rest of the body is not read");
            assertEquals(List.of(), inbox(bob));
            TestMeshClient.Response fits = client.streamed("POST", "/messageexchange/" + alice.id() + "/outbox", alice.id(),
                    alice.password(), Map.of("mex-To", bob.id(), "mex-WorkflowID", "WF"),
                    () -> new java.io.ByteArrayInputStream(random(CHUNK_LIMIT)));
            assertEquals(202, fits.status(), fits.toString());
        }

        @Test
        void aRefusedRequestWithALargeBodyIsAnsweredWithoutWaitingForTheBody() {
            Mailbox alice = mailbox();
            long started = System.nanoTime();
            TestMeshClient.Response response = client.call("POST", "/messageexchange/" + alice.id() + "/outbox", alice.id(),
                    "wrong-password", Map.of("mex-To", alice.id(), "mex-WorkflowID", "WF"), new byte[8 * 1024 * 1024]);
            assertForbidden(response);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
        }

        @Test
        void unknownAndOtherPeoplesMessagesAreNotFound() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            Mailbox carol = mailbox();
            String id = sendOk(alice, bob, "WF", "for bob");
            assertEquals(404, get(carol, "/messageexchange/" + carol.id() + "/inbox/" + id).status());
            assertEquals(404, get(alice, "/messageexchange/" + alice.id() + "/inbox/" + id).status(), "the sender cannot download it");
            assertEquals(404, call(carol, "PUT", "/messageexchange/" + carol.id() + "/inbox/" + id + "/status/acknowledged",
                    Map.of(), null).status());
            TestMeshClient.Response unknown = get(bob, "/messageexchange/" + bob.id() + "/inbox/20200101000000000000_ABCDEF");
            assertEquals(404, unknown.status());
            assertEquals("20", unknown.firstDetail().get("code"));
            assertEquals(List.of(id), inbox(bob), "still there for bob");
        }

        @Test
        void badChunkNumbersAreValidationErrorsNotServerErrors() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = sendOk(alice, bob, "WF", "x");
            for (String chunk : List.of("abc", "0", "-1", "1.5", "99999999999")) {
                TestMeshClient.Response response = get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/" + chunk);
                assertEquals(400, response.status(), chunk + ": " + response);
                assertEquals(List.of("path", "chunk_number"), response.firstDetail().get("loc"));
            }
            assertEquals(404, get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/2").status());
            assertEquals(200, get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/1").status());
        }

        @Test
        void aMalformedAcceptHeaderIsAValidationError() {
            Mailbox mailbox = mailbox();
            TestMeshClient.Response response = call(mailbox, "GET", "/messageexchange/" + mailbox.id() + "/inbox",
                    Map.of("Accept", "application/vnd.mesh.vX+json"), null);
            assertEquals(400, response.status());
        }

        @Test
        void unknownEndpointsAnswerAMeshShaped404() {
            Mailbox mailbox = mailbox();
            TestMeshClient.Response response = get(mailbox, "/messageexchange/" + mailbox.id() + "/nothing/here");
            assertEquals(404, response.status());
            assertEquals("No such MESH endpoint", response.firstDetail().get("msg"));
        }

        @Test
        void theBodyIsBytesWhateverItsContentTypeSays() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            TestMeshClient.Response sent = send(alice, bob, "WF", "{ not json".getBytes(), Map.of("Content-Type", "application/json"));
            assertEquals(202, sent.status(), sent.toString());
            String id = (String) sent.json().get("message_id");
            assertEquals("{ not json", get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id).text());
        }
    }

    @Nested
    class Chunked {
        @Test
        void aThreeChunkMessageIsDeliveredOnlyWhenEveryChunkHasArrivedAndDownloadsInChunks() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            byte[] first = random(2 * 1024 * 1024 + 500_000);
            byte[] second = "the middle".getBytes(StandardCharsets.UTF_8);
            byte[] third = random(1024 * 1024);
            TestMeshClient.Response sent = send(alice, bob, "CPIS_UPLOAD", first, Map.of("mex-Chunk-Range", "1:3",
                    "mex-LocalID", "chunky"));
            assertEquals(202, sent.status(), sent.toString());
            String id = (String) sent.json().get("message_id");
            assertEquals(List.of(), inbox(bob), "not delivered before every chunk has arrived");
            assertEquals("uploading", get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking?messageID=" + id)
                    .json().get("status"));

            TestMeshClient.Response chunk3 = call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox/" + id + "/3",
                    Map.of("mex-Chunk-Range", "3:3"), third);
            assertEquals(202, chunk3.status(), chunk3.toString());
            assertEquals(id, chunk3.json().get("message_id"));
            assertEquals(List.of(), inbox(bob), "chunk 2 is still missing");
            assertEquals(202, call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox/" + id + "/2",
                    Map.of("mex-Chunk-Range", "2:3"), second).status());
            assertEquals(List.of(id), inbox(bob));

            TestMeshClient.Response part1 = get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id);
            assertEquals(206, part1.status());
            assertEquals("1:3", part1.header("Mex-Chunk-Range"));
            TestMeshClient.Response part2 = get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/2");
            assertEquals(206, part2.status());
            assertEquals("2:3", part2.header("Mex-Chunk-Range"));
            TestMeshClient.Response part3 = get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/3");
            assertEquals(200, part3.status());
            assertEquals("3:3", part3.header("Mex-Chunk-Range"));
            assertArrayEquals(first, part1.body());
            assertArrayEquals(second, part2.body());
            assertArrayEquals(third, part3.body());
            assertEquals(404, get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/4").status());

            Map<String, Object> tracking = get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking?messageID=" + id).json();
            assertEquals("accepted", tracking.get("status"));
        }

        @Test
        void aChunkMayBeSentAgainBeforeTheLastArrives() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = (String) send(alice, bob, "WF", "one".getBytes(), Map.of("mex-Chunk-Range", "1:2")).json().get("message_id");
            assertEquals(202, call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox/" + id + "/1",
                    Map.of("mex-Chunk-Range", "1:2"), "ONE".getBytes()).status());
            assertEquals(202, call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox/" + id + "/2",
                    Map.of(), "two".getBytes()).status(), "the chunk range header is optional on later chunks");
            assertEquals("ONE", get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id).text());
            assertEquals("two", get(bob, "/messageexchange/" + bob.id() + "/inbox/" + id + "/2").text());
        }

        @Test
        void badChunkRangesAndNumbersAreRefusedWithoutServerErrors() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            for (String range : List.of("2:3", "3:1", "0:2", "1:x", "1", "1:2:3", "1:1001")) {
                TestMeshClient.Response response = send(alice, bob, "WF", "x".getBytes(), Map.of("mex-Chunk-Range", range));
                assertEquals(417, response.status(), range + ": " + response);
                assertEquals("06", response.firstDetail().get("code"));
            }
            String id = (String) send(alice, bob, "WF", "x".getBytes(), Map.of("mex-Chunk-Range", "1:2")).json().get("message_id");
            String chunks = "/messageexchange/" + alice.id() + "/outbox/" + id + "/";
            assertEquals(417, call(alice, "POST", chunks + "3", Map.of(), "x".getBytes()).status(), "beyond the total");
            assertEquals(417, call(alice, "POST", chunks + "2", Map.of("mex-Chunk-Range", "2:3"), "x".getBytes()).status(),
                    "a different total");
            assertEquals(417, call(alice, "POST", chunks + "2", Map.of("mex-Chunk-Range", "1:2"), "x".getBytes()).status(),
                    "the header names another chunk");
            assertEquals(400, call(alice, "POST", chunks + "two", Map.of(), "x".getBytes()).status());
            assertEquals(400, call(alice, "POST", chunks + "0", Map.of(), "x".getBytes()).status());
            assertEquals(404, call(alice, "POST", "/messageexchange/" + alice.id() + "/outbox/20200101000000000000_ABCDEF/2",
                    Map.of(), "x".getBytes()).status());
            assertEquals(404, call(bob, "POST", "/messageexchange/" + bob.id() + "/outbox/" + id + "/2", Map.of(),
                    "x".getBytes()).status(), "only the sender may add chunks");
            assertEquals(202, call(alice, "POST", chunks + "2", Map.of(), "x".getBytes()).status());
            TestMeshClient.Response late = call(alice, "POST", chunks + "2", Map.of(), "x".getBytes());
            assertEquals(423, late.status(), "finalised: " + late);
        }

        @Test
        void aWholeMessageOverTheLimitIsRefused() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = (String) send(alice, bob, "WF", new byte[CHUNK_LIMIT], Map.of("mex-Chunk-Range", "1:3")).json().get("message_id");
            String chunks = "/messageexchange/" + alice.id() + "/outbox/" + id + "/";
            assertEquals(202, call(alice, "POST", chunks + "2", Map.of(), new byte[CHUNK_LIMIT]).status());
            TestMeshClient.Response tooMuch = call(alice, "POST", chunks + "3", Map.of(), new byte[CHUNK_LIMIT]);
            assertEquals(413, tooMuch.status(), "10MB in all: " + tooMuch);
            assertEquals(List.of(), inbox(bob));
        }
    }

    @Nested
    class Paging {
        @Test
        void theInboxGivesAtMost500IdsAPageWithLinksNext() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                sent.add(sendOk(alice, bob, "WF", "message " + i));
            }
            TestMeshClient.Response first = get(bob, "/messageexchange/" + bob.id() + "/inbox");
            assertEquals(500, first.messages().size());
            assertEquals(501, first.json().get("approx_inbox_count"));
            @SuppressWarnings("unchecked")
            Map<String, String> links = (Map<String, String>) first.json().get("links");
            assertEquals("/messageexchange/" + bob.id() + "/inbox", links.get("self"));
            String next = links.get("next");
            assertNotNull(next);
            TestMeshClient.Response second = get(bob, next);
            assertEquals(1, second.messages().size());
            assertNull(((Map<?, ?>) second.json().get("links")).get("next"));
            List<String> all = new ArrayList<>(first.messages());
            all.addAll(second.messages());
            assertEquals(sent, all, "in the order they arrived");
        }

        @Test
        void maxResultsSetsThePageSizeWithinTheSpecsBounds() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            for (int i = 0; i < 25; i++) {
                sendOk(alice, bob, "WF", "m" + i);
            }
            List<Integer> sizes = new ArrayList<>();
            String next = "/messageexchange/" + bob.id() + "/inbox?max_results=10";
            while (next != null) {
                TestMeshClient.Response page = get(bob, next);
                assertEquals(200, page.status(), page.toString());
                sizes.add(page.messages().size());
                next = (String) ((Map<?, ?>) page.json().get("links")).get("next");
                if (next != null) {
                    assertTrue(next.contains("max_results=10"), next);
                }
            }
            assertEquals(List.of(10, 10, 5), sizes);
            for (String bad : List.of("9", "5001", "ten", "-10")) {
                TestMeshClient.Response response = get(bob, "/messageexchange/" + bob.id() + "/inbox?max_results=" + bad);
                assertEquals(400, response.status(), bad);
                assertEquals(List.of("query", "max_results"), response.firstDetail().get("loc"));
            }
            assertEquals(400, get(bob, "/messageexchange/" + bob.id() + "/inbox?continue_from=not-a-token-from-links-next-at-all").status());
            assertEquals(400, get(bob, "/messageexchange/" + bob.id() + "/inbox?continue_from=short").status());
        }

        @Test
        void v1PagesContinueFromAMessageId() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(sendOk(alice, bob, "WF", "m" + i));
            }
            Map<String, String> v1 = Map.of("Accept", "application/json");
            TestMeshClient.Response page = call(bob, "GET", "/messageexchange/" + bob.id() + "/inbox?max_results=10", v1, null);
            assertEquals(sent.subList(0, 10), page.messages());
            TestMeshClient.Response rest = call(bob, "GET", "/messageexchange/" + bob.id() + "/inbox?continue_from=" + sent.get(9), v1, null);
            assertEquals(sent.subList(10, 12), rest.messages());
        }

        @Test
        void theWorkflowFilterSelectsByWorkflowId() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String upload = sendOk(alice, bob, "CPIS_UPLOAD", "u");
            String ack = sendOk(alice, bob, "CPIS_UPLOAD_ACK", "a");
            String asn = sendOk(alice, bob, "CPIS_ASN", "n");
            String other = sendOk(alice, bob, "X_CPIS_X", "o");
            Map<String, List<String>> expected = Map.of(
                    "CPIS_UPLOAD", List.of(upload),
                    "!CPIS_UPLOAD", List.of(ack, asn, other),
                    "CPIS_UPLOAD*", List.of(upload, ack),
                    "!CPIS_UPLOAD*", List.of(asn, other),
                    "*_ACK*", List.of(ack),
                    "!*_ACK*", List.of(upload, asn, other),
                    "*CPIS_*", List.of(upload, ack, asn, other));
            expected.forEach((filter, ids) -> {
                String query = java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8);
                TestMeshClient.Response page = get(bob, "/messageexchange/" + bob.id() + "/inbox?workflow_filter=" + query);
                assertEquals(ids, page.messages(), filter);
            });
            assertEquals(400, get(bob, "/messageexchange/" + bob.id() + "/inbox?workflow_filter=*").status());
        }
    }

    @Nested
    class Tracking {
        @Test
        void theSenderTracksAMessageByIdThroughAcknowledgement() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = (String) send(alice, bob, "CPIS_ASN", "x".getBytes(), Map.of("mex-LocalID", "track-me",
                    "mex-FileName", "f.json")).json().get("message_id");
            TestMeshClient.Response tracked = get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking?messageID=" + id);
            assertEquals(200, tracked.status(), tracked.toString());
            Map<String, Object> body = tracked.json();
            assertEquals(id, body.get("message_id"));
            assertEquals("track-me", body.get("local_id"));
            assertEquals("CPIS_ASN", body.get("workflow_id"));
            assertEquals("f.json", body.get("filename"));
            assertEquals(bob.id(), body.get("recipient"));
            assertEquals("accepted", body.get("status"));
            assertEquals(true, body.get("status_success"));
            assertEquals("00", body.get("status_code"));
            Instant uploaded = Instant.parse((String) body.get("upload_timestamp"));
            assertEquals(uploaded.plus(Duration.ofDays(5)), Instant.parse((String) body.get("expiry_time")));

            call(bob, "PUT", "/messageexchange/" + bob.id() + "/inbox/" + id + "/status/acknowledged", Map.of(), null);
            assertEquals("acknowledged", get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking?messageID=" + id)
                    .json().get("status"));
        }

        @Test
        void theSenderTracksByLocalIdToo() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = (String) send(alice, bob, "WF", "x".getBytes(), Map.of("mex-LocalID", "by-local")).json().get("message_id");
            assertEquals(id, get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking?localID=by-local").json().get("message_id"));
            Map<String, Object> v1 = get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking/by-local").json();
            assertEquals(id, v1.get("messageId"));
            assertEquals(id, v1.get("dtsId"));
            assertEquals("Accepted", v1.get("status"));
            assertEquals(1, v1.get("fileSize"));
            send(alice, bob, "WF", "y".getBytes(), Map.of("mex-LocalID", "by-local"));
            assertEquals(300, get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking/by-local").status());
            assertEquals(404, get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking/never-used").status());
        }

        @Test
        void nobodyElseCanTrackAMessage() {
            Mailbox alice = mailbox();
            Mailbox bob = mailbox();
            String id = sendOk(alice, bob, "WF", "x");
            assertEquals(404, get(bob, "/messageexchange/" + bob.id() + "/outbox/tracking?messageID=" + id).status());
            assertEquals(404, get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking?messageID=NOPE").status());
            TestMeshClient.Response none = get(alice, "/messageexchange/" + alice.id() + "/outbox/tracking");
            assertEquals(400, none.status());
            assertEquals(List.of("query", "messageID"), none.firstDetail().get("loc"));
        }
    }
}
