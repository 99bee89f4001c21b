package org.opencpis.adapters.spine.mesh;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MESH {@code Authorization} token, framework-free so that both sides use the same code: the
 * MESH client signs its requests with {@link #header}, the MESH stub checks them with
 * {@link #parse}, {@link #verify} and {@link #withinWindow}.
 *
 * <p>The header is {@code NHSMESH {mailbox}:{nonce}:{nonce_count}:{timestamp}:{hash}}, where
 * {@code timestamp} is the UTC time as {@code yyyyMMddHHmm} and {@code hash} is the lower-case hex
 * HMAC-SHA256, keyed by the environment's shared key, of
 * {@code {mailbox}:{nonce}:{nonce_count}:{mailbox password}:{timestamp}}. A token is good for one
 * request only: a client sends a new nonce, or the same nonce with a higher count, each time.
 * The server rejects a timestamp more than {@link #WINDOW two hours} from its own time.
 */
public final class MeshAuthentication {
    /** The authentication scheme, followed by one space, that starts the header value. */
    public static final String SCHEME = "NHSMESH";
    /** How far a token's timestamp may be from the server's time, either way. */
    public static final Duration WINDOW = Duration.ofHours(2);

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TIMESTAMP_SHAPE = Pattern.compile("[0-9]{12}");
    private static final Pattern HASH_SHAPE = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String ALGORITHM = "HmacSHA256";
    /** The longest mailbox id or nonce accepted (a nonce is a GUID, 36 characters). */
    private static final int MAX_PART = 128;

    private MeshAuthentication() {
    }

    /** The whole header value for a request made at {@code at}. */
    public static String header(String mailbox, String password, String sharedKey, String nonce, long nonceCount, Instant at) {
        return header(mailbox, password, sharedKey, nonce, nonceCount, timestamp(at));
    }

    /** The whole header value, {@code NHSMESH mailbox:nonce:nonce_count:timestamp:hash}. */
    public static String header(String mailbox, String password, String sharedKey, String nonce, long nonceCount,
                                String timestamp) {
        String count = Long.toString(nonceCount);
        return SCHEME + " " + mailbox + ":" + nonce + ":" + count + ":" + timestamp + ":"
                + hash(sharedKey, mailbox, nonce, count, password, timestamp);
    }

    /** The token timestamp of an instant: UTC, {@code yyyyMMddHHmm}. */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** Lower-case hex HMAC-SHA256 keyed by {@code sharedKey} over {@code mailbox:nonce:nonceCount:password:timestamp}. */
    public static String hash(String sharedKey, String mailbox, String nonce, String nonceCount, String password,
                              String timestamp) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            String message = mailbox + ":" + nonce + ":" + nonceCount + ":" + password + ":" + timestamp;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * The token in a header value, or empty when the value is not a well-formed {@code NHSMESH}
     * token (wrong scheme, not five parts, an empty or over-long mailbox or nonce, a count that is
     * not a number, a timestamp that is not a real UTC minute, a hash that is not 64 hex digits).
     * The scheme name is matched ignoring case.
     */
    public static Optional<Token> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String value = headerValue.strip();
        if (value.length() <= SCHEME.length() + 1 || !value.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Optional.empty();
        }
        String[] parts = value.substring(SCHEME.length() + 1).split(":", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        String mailbox = parts[0];
        String nonce = parts[1];
        String count = parts[2];
        String timestamp = parts[3];
        String hash = parts[4];
        if (mailbox.isEmpty() || mailbox.contains(" ") || mailbox.length() > MAX_PART || nonce.isEmpty()
                || nonce.length() > MAX_PART
                || !DIGITS.matcher(count).matches() || !TIMESTAMP_SHAPE.matcher(timestamp).matches()
                || !HASH_SHAPE.matcher(hash).matches()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new Token(mailbox, nonce, count, timestamp, at, hash.toLowerCase(Locale.ROOT)));
    }

    /** Whether the token's hash is the one {@code password} and {@code sharedKey} give (compared in constant time). */
    public static boolean verify(Token token, String password, String sharedKey) {
        if (password == null || sharedKey == null) {
            return false;
        }
        String expected = hash(sharedKey, token.mailbox(), token.nonce(), token.nonceCount(), password, token.timestamp());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.hash().getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the token's timestamp is at most {@link #WINDOW} before or after {@code now} (both ends included). */
    public static boolean withinWindow(Token token, Instant now) {
        Duration offset = Duration.between(token.issuedAt(), now).abs();
        return offset.compareTo(WINDOW) <= 0;
    }

    /**
     * A parsed token. {@code mailbox} is exactly as sent (the hash covers it as sent);
     * {@code nonceCount} is the decimal digits as sent; {@code issuedAt} is the timestamp as an instant.
     */
    public record Token(String mailbox, String nonce, String nonceCount, String timestamp, Instant issuedAt, String hash) {
        @Override
        public String toString() {
            return "Token[mailbox=" + mailbox + ", timestamp=" + timestamp + "]";
        }
    }
}
