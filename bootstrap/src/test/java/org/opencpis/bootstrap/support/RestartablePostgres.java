package org.opencpis.bootstrap.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server for fault-injection tests that can be stopped and started again on the
 * same port and data directory, as an operator's external database would be. The service under
 * test is pointed at it as an external database ({@code DATASOURCES_DEFAULT_URL}), so it neither
 * owns nor restarts it. Durable like the embedded default (fsync and synchronous commit on).
 */
public final class RestartablePostgres implements AutoCloseable {
    public static final String DATABASE = "opencpis";
    private static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a server with its data in {@code dataDirectory} (created on first start) on a free port. */
    public static RestartablePostgres start(Path dataDirectory) {
        RestartablePostgres postgres = new RestartablePostgres(dataDirectory, freePort());
        postgres.startServer();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("could not create the test database", e);
        }
        return postgres;
    }

    /** A free TCP port on this host (the service's HTTP port, or this server's). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** Micronaut properties pointing the default datasource here. */
    public Map<String, Object> datasourceProperties() {
        return Map.of("datasources.default.url", jdbcUrl(), "datasources.default.username", USER,
                "datasources.default.password", "postgres");
    }

    /** The same as CONTRACT §2 environment variables, for a service run as its own process. */
    public Map<String, String> environment() {
        return Map.of("DATASOURCES_DEFAULT_URL", jdbcUrl(), "DATASOURCES_DEFAULT_USERNAME", USER,
                "DATASOURCES_DEFAULT_PASSWORD", "postgres");
    }

    /** A new connection of the test's own, to look at what the service stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "postgres");
    }

    /** The single number a query answers (a count), with the test's own connection. */
    public long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql, e);
        }
    }

    /** An update with the test's own connection; the number of rows changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql, e);
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops the server (a fast shutdown: open sessions are ended and their transactions rolled back). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the PostgreSQL server did not stop cleanly", e);
        } finally {
            server = null;
        }
    }

    /** Starts the server again on the same port and data directory. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    private synchronized void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "60")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the PostgreSQL server did not start on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
