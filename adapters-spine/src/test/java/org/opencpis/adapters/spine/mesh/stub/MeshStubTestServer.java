package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.opencpis.adapters.persistence.testing.TestDatabase;

/**
 * The MESH stub over real HTTP: a Micronaut context with its embedded server on a random port,
 * on a PostgreSQL database migrated by Flyway (the persistence module's migrations and the stub's
 * V100), with a clock the test controls. Stopping and starting again on the same database is a
 * restart.
 */
final class MeshStubTestServer implements AutoCloseable {
    static final String SHARED_KEY = "TestKey";

    private final Map<String, Object> properties;
    private final MutableClock clock;
    private ApplicationContext context;
    private EmbeddedServer server;

    MeshStubTestServer(Map<String, Object> extra) {
        this(TestDatabase.fresh(), new MutableClock(), extra);
    }

    MeshStubTestServer(TestDatabase database, MutableClock clock, Map<String, Object> extra) {
        this.clock = clock;
        this.properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", "-1");
        // only the stub runs here: the other adapters' schedules need use cases this context does not wire
        properties.put("opencpis.relay.enabled", "false");
        properties.put("opencpis.uploads.processing.enabled", "false");
        properties.put("opencpis.mesh.inbound.enabled", "false");
        properties.put("opencpis.mesh.stub.sweep-initial-delay", "1h");
        properties.put("opencpis.mesh.shared-key", SHARED_KEY);
        // the service's token security is bootstrap's to configure (the stub has its own NHSMESH auth)
        properties.put("micronaut.security.enabled", "false");
        properties.putAll(extra);
        start();
    }

    void start() {
        context = ApplicationContext.builder().environmentPropertySource(false).properties(properties)
                .singletons(clock).start();
        server = context.getBean(EmbeddedServer.class).start();
    }

    void stop() {
        if (context != null) {
            server.stop();
            context.close();
            context = null;
        }
    }

    void restart() {
        stop();
        start();
    }

    ApplicationContext context() {
        return context;
    }

    MutableClock clock() {
        return clock;
    }

    TestMeshClient client() {
        return new TestMeshClient(server.getURI(), SHARED_KEY, clock::instant);
    }

    /** Creates (or re-passwords) a mailbox the way a registration does, through the port. */
    void mailbox(String id, String password) {
        MeshStubMailboxes mailboxes = context.getBean(MeshStubMailboxes.class);
        context.getBean(org.opencpis.application.shared.port.out.Transactions.class).run(() -> mailboxes.provision(id, password));
    }

    @Override
    public void close() {
        stop();
    }
}
