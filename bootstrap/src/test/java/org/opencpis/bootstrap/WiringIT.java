package org.opencpis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.bootstrap.support.Tokens;

/** The wiring: every use case resolves, and there is no way to start without a token key source. */
class WiringIT {

    @Test
    void everyUseCaseInterfaceResolvesToABean() throws IOException, URISyntaxException {
        List<Class<?>> useCases = useCaseInterfaces();
        assertTrue(useCases.size() >= 7, "found only " + useCases);
        try (ApplicationContext context = ApplicationContext.run(properties(Tokens.SECRET))) {
            for (Class<?> useCase : useCases) {
                assertTrue(context.findBean(useCase).isPresent(), useCase + " is not wired");
            }
        }
    }

    @Test
    void refusesToStartWithoutAKeySource() {
        Map<String, Object> properties = properties(null);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties).close());
        assertTrue(rootMessage(failure).contains("No token key source"), rootMessage(failure));
    }

    @Test
    void refusesAShortSecret() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties("too-short")).close());
        assertTrue(rootMessage(failure).contains("at least 32 bytes"), rootMessage(failure));
    }

    @Test
    void productionGetsNoDevelopmentSecret() {
        StartupSettings production = new StartupSettings(Map.of("MICRONAUT_ENVIRONMENTS", "prod", "OPENCPIS_DATA_DIR", "/nonexistent"));
        assertTrue(production.production());
        assertFalse(production.keySourceProperties().containsKey("opencpis.jwt.secret"));
        StartupSettings jwks = new StartupSettings(Map.of("OPENCPIS_JWKS_URL", "https://example.test/jwks.json"));
        assertEquals(Map.of("micronaut.security.token.jwt.signatures.jwks.opencpis.url", "https://example.test/jwks.json"),
                jwks.keySourceProperties());
    }

    @Test
    void developmentSecretIsGeneratedOnceAndKept(@org.junit.jupiter.api.io.TempDir Path dir) {
        StartupSettings development = new StartupSettings(Map.of("OPENCPIS_DATA_DIR", dir.toString()));
        Object first = development.keySourceProperties().get("opencpis.jwt.secret");
        assertTrue(first.toString().length() >= 32);
        assertEquals(first, development.keySourceProperties().get("opencpis.jwt.secret"));
        assertEquals(first, development.signingSecret());
    }

    private static Map<String, Object> properties(String secret) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("opencpis.purge.initial-delay", "1h");
        if (secret != null) {
            properties.put("opencpis.jwt.secret", secret);
        }
        return properties;
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    private static List<Class<?>> useCaseInterfaces() throws IOException, URISyntaxException {
        Path classes = Path.of(org.opencpis.application.shared.RequestContext.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        try (Stream<Path> files = classes.toFile().isDirectory() ? Files.walk(classes) : jarEntries(classes)) {
            return files.map(Path::toString).filter(name -> name.endsWith("UseCase.class"))
                    .map(name -> name.substring(name.indexOf("org/opencpis")).replace('/', '.').replace(".class", ""))
                    .map(WiringIT::load).toList();
        }
    }

    private static Stream<Path> jarEntries(Path jar) throws IOException {
        java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile());
        return zip.stream().map(entry -> Path.of(entry.getName())).onClose(() -> {
            try {
                zip.close();
            } catch (IOException ignored) {
                // read-only
            }
        });
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
