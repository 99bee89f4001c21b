package org.opencpis.bootstrap.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.opencpis.adapters.persistence.testing.TestDatabase;

/**
 * The whole service over real HTTP on a fresh PostgreSQL database, with the test PDS fixture
 * (numbers outside it are not matched: CPR01) and the test token secret.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {
    @Inject
    protected EmbeddedServer server;

    private Api api;

    protected Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.fresh().micronautProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("opencpis.jwt.secret", Tokens.SECRET);
        properties.put("opencpis.pds.fixture", pdsFixture().toString());
        properties.put("opencpis.pds.unknown", "no-match");
        properties.put("opencpis.purge.initial-delay", "1h");
        return properties;
    }

    private static Path pdsFixture() {
        try (InputStream in = ApiTestBase.class.getResourceAsStream("/pds-fixture.json")) {
            Path file = Files.createTempFile("pds-fixture", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a local authority as ADMIN. */
    protected void registerLa(String ods, String name) {
        Api.Response response = api().put("/api/v1/organisations/" + ods, Tokens.admin(), """
                {"name": "%s", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992",
                 "officeHoursPhone": "020 7527 7400", "meshMailboxId": "LA%sMB", "meshMailboxPassword": "secret-%s"}
                """.formatted(name, ods, ods));
        if (response.status() != 200 && response.status() != 201) {
            throw new AssertionError("could not register " + ods + ": " + response);
        }
    }
}
