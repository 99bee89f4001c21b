package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.adapters.spine.mesh.MeshAuthentication;
import org.opencpis.adapters.spine.mesh.MeshAuthentication.Token;

/** The NHSMESH token, as the spec's "MESH Authorization header" section defines it. */
class MeshAuthenticationTest {
    private static final String KEY = "TestKey";
    private static final String MAILBOX = "X26HC005";
    private static final String PASSWORD = "password";
    private static final String NONCE = "1c820cd4-be3e-43ff-807f-e65362892722";
    private static final String TIMESTAMP = "202006041718";
    /** HMAC-SHA256("TestKey", "X26HC005:1c82...2722:0:password:202006041718"), computed with Python's hmac as in the spec's example. */
    private static final String KNOWN_HASH = "810c161424ec5ad29a5c12afb797d6d96b418665e9993492ce469a2ea256e877";

    @Nested
    class Signing {
        @Test
        void theHashIsTheKnownAnswer() {
            assertEquals(KNOWN_HASH, MeshAuthentication.hash(KEY, MAILBOX, NONCE, "0", PASSWORD, TIMESTAMP));
        }

        @Test
        void theHashIsHmacSha256OverMailboxNonceCountPasswordTimestamp() throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(
                    (MAILBOX + ":" + NONCE + ":7:" + PASSWORD + ":" + TIMESTAMP).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, MeshAuthentication.hash(KEY, MAILBOX, NONCE, "7", PASSWORD, TIMESTAMP));
        }

        @Test
        void theHeaderIsSchemeSpaceThenFiveColonSeparatedParts() {
            assertEquals("NHSMESH X26HC005:" + NONCE + ":0:202006041718:" + KNOWN_HASH,
                    MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 0, TIMESTAMP));
        }

        @Test
        void theTimestampIsTheUtcMinute() {
            assertEquals("202006041718", MeshAuthentication.timestamp(Instant.parse("2020-06-04T17:18:59.999Z")));
            assertEquals(MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 0, TIMESTAMP),
                    MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 0, Instant.parse("2020-06-04T17:18:00Z")));
        }

        @Test
        void theTestClientSignsTheSameWay() {
            assertEquals(MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 3, Instant.parse("2020-06-04T17:18:00Z")),
                    TestMeshClient.token(KEY, MAILBOX, PASSWORD, NONCE, 3, Instant.parse("2020-06-04T17:18:00Z")));
        }
    }

    @Nested
    class Parsing {
        @Test
        void aSignedHeaderParsesBackIntoItsParts() {
            Token token = MeshAuthentication.parse(MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 12, TIMESTAMP)).orElseThrow();
            assertEquals(MAILBOX, token.mailbox());
            assertEquals(NONCE, token.nonce());
            assertEquals("12", token.nonceCount());
            assertEquals(TIMESTAMP, token.timestamp());
            assertEquals(Instant.parse("2020-06-04T17:18:00Z"), token.issuedAt());
        }

        @Test
        void theSchemeNameIgnoresCase() {
            assertTrue(MeshAuthentication.parse("nhsmesh " + MAILBOX + ":" + NONCE + ":0:" + TIMESTAMP + ":" + KNOWN_HASH).isPresent());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "NHSMESH",
                "NHSMESH ",
                "Bearer abc.def.ghi",
                "NHSMESHX26HC005:n:0:202006041718:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:0:202006041718",
                "NHSMESH X26HC005:n:0:202006041718:" + KNOWN_HASH + ":extra",
                "NHSMESH :n:0:202006041718:" + KNOWN_HASH,
                "NHSMESH X26HC005::0:202006041718:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:-1:202006041718:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:one:202006041718:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:0:2020060417:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:0:202013041718:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:0:202002301718:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:0:202006042460:" + KNOWN_HASH,
                "NHSMESH X26HC005:n:0:202006041718:not-hex",
                "NHSMESH X26HC005:n:0:202006041718:abc123",
                "NHSMESH X 26:n:0:202006041718:" + KNOWN_HASH})
        void malformedHeadersDoNotParse(String header) {
            assertTrue(MeshAuthentication.parse(header).isEmpty(), header);
        }

        @Test
        void noHeaderDoesNotParse() {
            assertTrue(MeshAuthentication.parse(null).isEmpty());
        }

        @Test
        void aVeryLongNonceDoesNotParse() {
            assertTrue(MeshAuthentication.parse("NHSMESH X:" + "n".repeat(300) + ":0:" + TIMESTAMP + ":" + KNOWN_HASH).isEmpty());
        }
    }

    @Nested
    class Verifying {
        private final Token token = MeshAuthentication.parse(MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 0, TIMESTAMP))
                .orElseThrow();

        @Test
        void theRightPasswordAndKeyVerify() {
            assertTrue(MeshAuthentication.verify(token, PASSWORD, KEY));
        }

        @Test
        void anUpperCaseHashVerifiesToo() {
            Token upper = MeshAuthentication.parse("NHSMESH " + MAILBOX + ":" + NONCE + ":0:" + TIMESTAMP + ":"
                    + KNOWN_HASH.toUpperCase()).orElseThrow();
            assertTrue(MeshAuthentication.verify(upper, PASSWORD, KEY));
        }

        @Test
        void aWrongPasswordOrKeyDoesNot() {
            assertFalse(MeshAuthentication.verify(token, "Password", KEY));
            assertFalse(MeshAuthentication.verify(token, PASSWORD, "OtherKey"));
            assertFalse(MeshAuthentication.verify(token, null, KEY));
        }

        @Test
        void changingAnySignedPartBreaksTheHash() {
            for (String tampered : new String[] {
                    "NHSMESH X26HC006:" + NONCE + ":0:" + TIMESTAMP + ":" + KNOWN_HASH,
                    "NHSMESH " + MAILBOX + ":" + NONCE + "x:0:" + TIMESTAMP + ":" + KNOWN_HASH,
                    "NHSMESH " + MAILBOX + ":" + NONCE + ":1:" + TIMESTAMP + ":" + KNOWN_HASH,
                    "NHSMESH " + MAILBOX + ":" + NONCE + ":0:202006041719:" + KNOWN_HASH,
                    "NHSMESH x26hc005:" + NONCE + ":0:" + TIMESTAMP + ":" + KNOWN_HASH}) {
                assertFalse(MeshAuthentication.verify(MeshAuthentication.parse(tampered).orElseThrow(), PASSWORD, KEY), tampered);
            }
        }
    }

    @Nested
    class Window {
        private final Instant issued = Instant.parse("2020-06-04T17:18:00Z");
        private final Token token = MeshAuthentication.parse(MeshAuthentication.header(MAILBOX, PASSWORD, KEY, NONCE, 0, issued))
                .orElseThrow();

        @Test
        void aTokenIsGoodFromTwoHoursBeforeToTwoHoursAfterItsTimestamp() {
            assertTrue(MeshAuthentication.withinWindow(token, issued));
            assertTrue(MeshAuthentication.withinWindow(token, issued.plus(Duration.ofHours(2))));
            assertTrue(MeshAuthentication.withinWindow(token, issued.minus(Duration.ofHours(2))));
        }

        @Test
        void aSecondBeyondEitherEdgeIsTooFar() {
            assertFalse(MeshAuthentication.withinWindow(token, issued.plus(Duration.ofHours(2)).plusSeconds(1)));
            assertFalse(MeshAuthentication.withinWindow(token, issued.minus(Duration.ofHours(2)).minusSeconds(1)));
        }

        @Test
        void daysOldIsStale() {
            assertFalse(MeshAuthentication.withinWindow(token, issued.plus(Duration.ofDays(5))));
        }
    }
}
