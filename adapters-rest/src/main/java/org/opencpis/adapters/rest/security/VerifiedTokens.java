package org.opencpis.adapters.rest.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified (signature, claims, shape) and the authentication each gave, so
 * that a caller presenting the same token again is not verified again (ADR 0013). An entry is found
 * only by the exact token (kept as its SHA-256, never the token itself), lasts until the token's
 * {@code exp} or {@link #LONGEST} after it was verified, whichever comes first, and is checked
 * against the clock on every use. At most {@link #CAPACITY} entries: when full, the lapsed ones go,
 * and if that is not enough, all of them.
 */
@Singleton
public class VerifiedTokens {
    static final Duration LONGEST = Duration.ofMinutes(1);
    static final int CAPACITY = 4096;

    private final Clock clock;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The authentication this very token gave when it was verified, unless that has lapsed. */
    public Optional<Authentication> find(String token) {
        Key key = Key.of(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.authentication());
    }

    /** After the token was verified and gave this authentication; {@code expiresAt} is its {@code exp}. */
    public void remember(String token, Authentication authentication, Instant expiresAt) {
        Instant now = clock.instant();
        Instant latest = now.plus(LONGEST);
        Instant until = expiresAt.isBefore(latest) ? expiresAt : latest;
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= CAPACITY) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= CAPACITY) {
                entries.clear();
            }
        }
        entries.put(Key.of(token), new Entry(authentication, until));
    }

    int size() {
        return entries.size();
    }

    private record Entry(Authentication authentication, Instant until) {
    }

    /** A token's SHA-256: equal for the same token, and no use to anyone who reads the heap. */
    private record Key(String sha256) {
        static Key of(String token) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
                return new Key(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
