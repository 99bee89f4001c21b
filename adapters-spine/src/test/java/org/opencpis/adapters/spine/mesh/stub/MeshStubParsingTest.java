package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small pieces of request and response handling, without a server. */
class MeshStubParsingTest {

    @Nested
    class ChunkRanges {
        @Test
        void nOfN() {
            assertEquals(new ChunkRange(2, 3), ChunkRange.parse(" 2:3 ", "ID"));
            assertEquals(ChunkRange.SINGLE, ChunkRange.parse("1:1", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "1", "0:1", "2:1", "-1:2", "a:b", "1:2:3", "1:", ":1", "99999999999:99999999999"})
        void anythingElseIsA417WithCode06(String value) {
            MeshStubFailure failure = assertThrows(MeshStubFailure.class, () -> ChunkRange.parse(value, "ID"));
            assertEquals(HttpStatus.EXPECTATION_FAILED, failure.status());
            assertEquals("06", ((List<?>) failure.body(ApiVersion.V2, "x").get("detail")).stream()
                    .map(detail -> ((Map<?, ?>) detail).get("code")).findFirst().orElseThrow());
        }
    }

    @Nested
    class WorkflowFilters {
        @Test
        void theSixFormsBecomeSql() {
            assertEquals(new WorkflowFilter("workflow_id = ?", "CPIS_ASN"), WorkflowFilter.parse("CPIS_ASN"));
            assertEquals(new WorkflowFilter("workflow_id <> ?", "CPIS_ASN"), WorkflowFilter.parse("!CPIS_ASN"));
            assertEquals(new WorkflowFilter("workflow_id LIKE ? ESCAPE '\\'", "CPIS\\_%"), WorkflowFilter.parse("CPIS_*"));
            assertEquals(new WorkflowFilter("workflow_id NOT LIKE ? ESCAPE '\\'", "CPIS\\_%"), WorkflowFilter.parse("!CPIS_*"));
            assertEquals(new WorkflowFilter("workflow_id LIKE ? ESCAPE '\\'", "%\\_ACK%"), WorkflowFilter.parse("*_ACK*"));
            assertEquals(new WorkflowFilter("workflow_id NOT LIKE ? ESCAPE '\\'", "%\\_ACK%"), WorkflowFilter.parse("!*_ACK*"));
        }

        @Test
        void likeCharactersInTheTermAreLiteral() {
            assertEquals("%100\\%\\\\%", WorkflowFilter.parse("*100%\\*").parameter());
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "!*", "**", "!", "A", "A*B", "*A*B*"})
        void malformedFiltersAreValidationErrors(String value) {
            MeshStubFailure failure = assertThrows(MeshStubFailure.class, () -> WorkflowFilter.parse(value));
            assertEquals(HttpStatus.BAD_REQUEST, failure.status());
        }
    }

    @Nested
    class AcceptHeaders {
        @Test
        void v2OnlyWhenAskedFor() {
            assertEquals(ApiVersion.V2, ApiVersion.of("application/vnd.mesh.v2+json"));
            assertEquals(ApiVersion.V2, ApiVersion.of("application/json, application/vnd.mesh.v3+json;q=0.9"));
            assertEquals(ApiVersion.V1, ApiVersion.of("application/vnd.mesh.v1+json"));
            assertEquals(ApiVersion.V1, ApiVersion.of("application/json"));
            assertEquals(ApiVersion.V1, ApiVersion.of("*/*"));
            assertEquals(ApiVersion.V1, ApiVersion.of(null));
            assertEquals(ApiVersion.V1, ApiVersion.of(""));
        }

        @Test
        void aMalformedMeshTypeIsAValidationError() {
            assertEquals(HttpStatus.BAD_REQUEST,
                    assertThrows(MeshStubFailure.class, () -> ApiVersion.of("application/vnd.mesh.two+json")).status());
            assertEquals(ApiVersion.V1, ApiVersion.lenient("application/vnd.mesh.two+json"));
        }

        @Test
        void gzipIsAcceptedWhenListedWithAPositiveWeight() {
            assertTrue(MeshStubServer.acceptsGzip("gzip"));
            assertTrue(MeshStubServer.acceptsGzip("deflate, gzip;q=0.5"));
            assertTrue(MeshStubServer.acceptsGzip("*"));
            assertFalse(MeshStubServer.acceptsGzip("gzip;q=0"));
            assertFalse(MeshStubServer.acceptsGzip("deflate, br"));
            assertFalse(MeshStubServer.acceptsGzip(null));
            assertFalse(MeshStubServer.acceptsGzip("gzip;q=nonsense"));
        }
    }

    @Nested
    class Failures {
        @Test
        void v2AndV1MeshErrorsHaveTheSpecsShapes() {
            MeshStubFailure failure = MeshStubFailure.sendFailed("MID", "12", "Unregistered to address");
            assertEquals(Map.of("message_id", "MID", "internal_id", "iid",
                    "detail", List.of(Map.of("event", "SEND", "code", "12", "msg", "Unregistered to address"))),
                    failure.body(ApiVersion.V2, "iid"));
            assertEquals(Map.of("messageID", "MID", "errorEvent", "SEND", "errorCode", "12",
                    "errorDescription", "Unregistered to address"), failure.body(ApiVersion.V1, "iid"));
        }

        @Test
        void validationErrorsAreHttpValidationErrorsInEitherVersion() {
            MeshStubFailure failure = MeshStubFailure.missing("header", "mex-to");
            Map<String, Object> expected = Map.of("detail",
                    List.of(Map.of("loc", List.of("header", "mex-to"), "msg", "field required", "type", "value_error.missing")));
            assertEquals(expected, failure.body(ApiVersion.V2, "iid"));
            assertEquals(expected, failure.body(ApiVersion.V1, "iid"));
        }
    }

    @Nested
    class Streams {
        @Test
        void gzipCompressingInputStreamRoundTrips() throws IOException {
            byte[] data = new byte[300_000];
            new Random(1).nextBytes(data);
            System.arraycopy(new byte[100_000], 0, data, 0, 100_000);
            try (InputStream in = new GZIPInputStream(new GzipCompressingInputStream(new ByteArrayInputStream(data)))) {
                assertArrayEquals(data, in.readAllBytes());
            }
            try (InputStream in = new GZIPInputStream(new GzipCompressingInputStream(new ByteArrayInputStream(new byte[0])))) {
                assertEquals(0, in.readAllBytes().length);
            }
        }

        @Test
        void messageIdsLookLikeMeshs() {
            String id = MessageIds.next(Instant.parse("2020-05-29T15:53:57.895317Z"));
            assertTrue(id.matches("20200529155357895317_[0-9A-F]{6}"), id);
        }

        @Test
        void expiryPeriodsReadNaturally() {
            assertEquals("5 days", MeshStubResponses.describe(Duration.ofDays(5)));
            assertEquals("1 day", MeshStubResponses.describe(Duration.ofDays(1)));
            assertEquals("36 hours", MeshStubResponses.describe(Duration.ofHours(36)));
            assertEquals("PT10M", MeshStubResponses.describe(Duration.ofMinutes(10)));
        }
    }
}
