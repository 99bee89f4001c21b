package org.opencpis.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts OpenCPIS: an embedded PostgreSQL unless {@code DATASOURCES_DEFAULT_URL} is set, then the
 * Micronaut application. {@code token ROLE [ORG]} prints a development token instead. The process
 * owns the shutdown order: the server and context stop before the embedded database.
 */
public final class OpenCpisApplication {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCpisApplication.class);

    private OpenCpisApplication() {
    }

    public static void main(String[] args) {
        StartupSettings settings = StartupSettings.fromEnvironment();
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(DevelopmentTokens.command(args, settings));
        }
        Running running = start(settings, Map.of(), args);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "opencpis-shutdown"));
    }

    static Running start(StartupSettings settings, Map<String, Object> overrides, String... args) {
        Map<String, Object> properties = new HashMap<>(settings.keySourceProperties());
        EmbeddedDatabase database = null;
        if (settings.embedDatabase()) {
            LOG.info("Starting the embedded PostgreSQL server, data in {}", settings.dataDir());
            database = EmbeddedDatabase.start(settings.dataDir());
            properties.putAll(database.datasourceProperties());
        }
        if (properties.containsKey("opencpis.jwt.secret")) {
            LOG.warn("No token key source configured: using the development secret in {} (never in production)",
                    settings.dataDir().resolve(StartupSettings.DEV_SECRET_FILE));
        }
        properties.putAll(overrides);
        ApplicationContext context = null;
        try {
            context = ApplicationContext.builder().args(args).properties(properties).start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            LOG.info("OpenCPIS listening on {}", server.getURL());
            return new Running(context, database);
        } catch (RuntimeException e) {
            new Running(context, database).close();
            throw e;
        }
    }

    /** A started service and, when embedded, its database; {@link #close()} stops both, in that order, once. */
    public static final class Running implements AutoCloseable {
        private final ApplicationContext context;
        private final EmbeddedDatabase database;
        private boolean closed;

        Running(ApplicationContext context, EmbeddedDatabase database) {
            this.context = context;
            this.database = database;
        }

        public ApplicationContext context() {
            return context;
        }

        /** The embedded database, when there is one (for operations and fault-injection tests). */
        public java.util.Optional<EmbeddedDatabase> database() {
            return java.util.Optional.ofNullable(database);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (context != null && context.isRunning()) {
                    context.close();
                }
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }
    }
}
