package org.opencpis.adapters.persistence.testing;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * For a {@code @MicronautTest(transactional = false)} class: its context runs on a database of its
 * own, created fresh and migrated by Flyway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface PostgresIT extends TestPropertyProvider {
    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.fresh().micronautProperties();
    }
}
