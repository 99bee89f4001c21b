package org.opencpis.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server run by the process when no external database is configured. Its data
 * lives in {@code <dataDir>/postgres} and is kept between runs; {@link #close()} stops the server
 * cleanly. zonky's test-oriented defaults (fsync and synchronous commit off) are overridden: a
 * committed record or notification must survive a crash of the host. It listens on localhost only.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "opencpis";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Path pgData = dataDir.resolve("postgres");
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(postgres);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL server did not start in " + dataDir, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    /** Micronaut properties pointing the default datasource at this server. */
    public Map<String, Object> datasourceProperties() {
        return Map.of(
                "datasources.default.url", postgres.getJdbcUrl(USER, DATABASE),
                "datasources.default.username", USER,
                "datasources.default.password", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("the embedded PostgreSQL server did not stop cleanly", e);
        }
    }
}
