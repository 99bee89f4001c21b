package org.opencpis.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads CONTRACT §2's environment: whether to embed PostgreSQL, where its data lives, and which
 * token key source applies. Without a key source, a development run generates an HS256 secret
 * once and keeps it in the data directory (so {@code token} can mint tokens for it); production
 * ({@code MICRONAUT_ENVIRONMENTS} containing {@code prod}) gets none and refuses to start.
 */
record StartupSettings(Map<String, String> env) {
    static final String DEV_SECRET_FILE = "dev-jwt-secret";

    static StartupSettings fromEnvironment() {
        return new StartupSettings(System.getenv());
    }

    boolean embedDatabase() {
        return isBlank(env.get("DATASOURCES_DEFAULT_URL"));
    }

    Path dataDir() {
        String dir = env.get("OPENCPIS_DATA_DIR");
        return Path.of(isBlank(dir) ? "opencpis-data" : dir).toAbsolutePath();
    }

    boolean production() {
        String environments = env.getOrDefault("MICRONAUT_ENVIRONMENTS", "");
        return Set.of(environments.toLowerCase().split("\\s*,\\s*")).contains("prod");
    }

    /** Micronaut properties for the key sources; may create the development secret. */
    Map<String, Object> keySourceProperties() {
        Map<String, Object> properties = new HashMap<>();
        String jwks = env.get("OPENCPIS_JWKS_URL");
        if (!isBlank(jwks)) {
            properties.put("micronaut.security.token.jwt.signatures.jwks.opencpis.url", jwks);
        }
        if (isBlank(env.get("OPENCPIS_JWT_SECRET")) && isBlank(jwks) && !production()) {
            properties.put("opencpis.jwt.secret", developmentSecret());
        }
        return properties;
    }

    /** The secret tokens are signed with: OPENCPIS_JWT_SECRET, else the development secret. */
    String signingSecret() {
        String secret = env.get("OPENCPIS_JWT_SECRET");
        return isBlank(secret) ? developmentSecret() : secret;
    }

    private String developmentSecret() {
        Path file = dataDir().resolve(DEV_SECRET_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own protection applies
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the development token secret in " + file, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
