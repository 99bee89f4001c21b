package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compressed messages. MESH passes a gzip body through to the recipient as it was sent, with
 * {@code Content-Encoding: gzip} for a client that accepts gzip and decompressed for one that does
 * not. That needs the server to leave request bodies alone
 * ({@code micronaut.server.netty.request-decompression-enabled: false}); with Micronaut's default
 * (it decompresses bodies itself) the stub stores the plain bytes and still hands every client
 * what it can read.
 */
class MeshStubGzipIT {
    private static final byte[] TEXT = ("NHS number,family name\n" + "9434765919,Test\n".repeat(2000)).getBytes(StandardCharsets.UTF_8);

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract static class WithServer {
        MeshStubTestServer server;
        TestMeshClient client;
        final String alice = "GZA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        final String bob = "GZB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        abstract Map<String, Object> properties();

        @BeforeAll
        void start() {
            server = new MeshStubTestServer(properties());
            server.mailbox(alice, "pa");
            server.mailbox(bob, "pb");
            client = server.client();
        }

        @AfterAll
        void stop() {
            server.close();
        }

        String sendGzip(byte[] compressed, String range) {
            Map<String, String> headers = range == null
                    ? Map.of("mex-To", bob, "mex-WorkflowID", "CPIS_UPLOAD", "Content-Encoding", "gzip")
                    : Map.of("mex-To", bob, "mex-WorkflowID", "CPIS_UPLOAD", "Content-Encoding", "gzip", "mex-Chunk-Range", range);
            TestMeshClient.Response sent = client.call("POST", "/messageexchange/" + alice + "/outbox", alice, "pa", headers, compressed);
            assertEquals(202, sent.status(), sent.toString());
            return (String) sent.json().get("message_id");
        }

        TestMeshClient.Response download(String path, Map<String, String> headers) {
            return client.call("GET", path, bob, "pb", headers, null);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PassingBodiesThrough extends WithServer {
        @Override
        Map<String, Object> properties() {
            return Map.of("micronaut.server.netty.request-decompression-enabled", "false");
        }

        @Test
        void aGzipMessageReachesAGzipClientAsSentAndOthersDecompressed() {
            byte[] compressed = gzip(TEXT);
            String id = sendGzip(compressed, null);
            String path = "/messageexchange/" + bob + "/inbox/" + id;

            TestMeshClient.Response asSent = download(path, Map.of("Accept-Encoding", "gzip"));
            assertEquals(200, asSent.status());
            assertEquals("gzip", asSent.header("Content-Encoding"));
            assertEquals("Y", asSent.header("Mex-Content-Compressed"));
            assertArrayEquals(compressed, asSent.body(), "byte for byte what the sender sent");

            TestMeshClient.Response plain = download(path, Map.of());
            assertNull(plain.header("Content-Encoding"));
            assertArrayEquals(TEXT, plain.body());

            Map<String, Object> tracking = client.get("/messageexchange/" + alice + "/outbox/tracking?messageID=" + id, alice, "pa").json();
            assertEquals("accepted", tracking.get("status"));
        }

        @Test
        void eachChunkOfAChunkedGzipMessageIsItsOwnGzipStream() {
            byte[] one = gzip("first half,".getBytes(StandardCharsets.UTF_8));
            byte[] two = gzip("second half".getBytes(StandardCharsets.UTF_8));
            String id = sendGzip(one, "1:2");
            TestMeshClient.Response chunk = client.call("POST", "/messageexchange/" + alice + "/outbox/" + id + "/2", alice, "pa",
                    Map.of("mex-Chunk-Range", "2:2", "Content-Encoding", "gzip"), two);
            assertEquals(202, chunk.status(), chunk.toString());
            String path = "/messageexchange/" + bob + "/inbox/" + id;
            TestMeshClient.Response first = download(path, Map.of("Accept-Encoding", "gzip"));
            assertEquals(206, first.status());
            assertArrayEquals(one, first.body());
            assertEquals("second half", new String(download(path + "/2", Map.of()).body(), StandardCharsets.UTF_8));
        }

        @Test
        void everyChunkMustKeepTheFirstChunksEncoding() {
            String id = sendGzip(gzip("a".getBytes()), "1:2");
            TestMeshClient.Response plain = client.call("POST", "/messageexchange/" + alice + "/outbox/" + id + "/2", alice, "pa",
                    Map.of(), "b".getBytes());
            assertEquals(417, plain.status(), plain.toString());
            assertEquals("06", plain.firstDetail().get("code"));
        }

        @Test
        void onlyGzipIsAcceptedAndItMustBeGzip() {
            for (Map.Entry<String, byte[]> bad : Map.of("br", "x".getBytes(), "gzip", "not gzip at all".getBytes()).entrySet()) {
                TestMeshClient.Response response = client.call("POST", "/messageexchange/" + alice + "/outbox", alice, "pa",
                        Map.of("mex-To", bob, "mex-WorkflowID", "WF", "Content-Encoding", bad.getKey()), bad.getValue());
                assertEquals(417, response.status(), bad.getKey() + ": " + response);
                assertEquals("06", response.firstDetail().get("code"));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithMicronautsDefaultDecompression extends WithServer {
        @Override
        Map<String, Object> properties() {
            return Map.of();
        }

        @Test
        void aGzipMessageStillArrivesReadableForEveryClient() {
            String id = sendGzip(gzip(TEXT), null);
            String path = "/messageexchange/" + bob + "/inbox/" + id;
            TestMeshClient.Response plain = download(path, Map.of());
            assertEquals(200, plain.status());
            assertArrayEquals(TEXT, plain.body());

            TestMeshClient.Response compressed = download(path, Map.of("Accept-Encoding", "gzip"));
            assertEquals("gzip", compressed.header("Content-Encoding"));
            assertArrayEquals(TEXT, gunzip(compressed.body()));
        }

        @Test
        void aV1ClientIsNotSentGzipItDidNotSend() {
            TestMeshClient.Response sent = client.call("POST", "/messageexchange/" + alice + "/outbox", alice, "pa",
                    Map.of("mex-To", bob, "mex-WorkflowID", "WF"), TEXT);
            String id = (String) sent.json().get("message_id");
            TestMeshClient.Response v1 = download("/messageexchange/" + bob + "/inbox/" + id,
                    Map.of("Accept", "application/json", "Accept-Encoding", "gzip"));
            assertNull(v1.header("Content-Encoding"));
            assertArrayEquals(TEXT, v1.body());
            assertEquals(List.of(String.valueOf(TEXT.length)), v1.headers().get("content-length"));
        }
    }
}
