package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.opencpis.application.shared.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up: says, once and loudly, that MESH is the stub, and creates (or updates the password
 * of) OpenCPIS's own mailbox, {@code opencpis.mesh.mailbox}.
 */
@Singleton
@RequiresMeshStub
final class MeshStubStartup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MeshStubStartup.class);

    private final MeshStubStore store;
    private final MeshStubSettings settings;
    private final Transactions transactions;
    private final Clock clock;

    MeshStubStartup(MeshStubStore store, MeshStubSettings settings, Transactions transactions, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        transactions.run(() -> store.provisionMailbox(settings.mailbox(), settings.password(), clock.instant()));
        boolean developmentKey = MeshStubSettings.DEFAULT_SHARED_KEY.equals(settings.sharedKey());
        LOG.warn("MESH STUB IN USE: /messageexchange is served by OpenCPIS's built-in stub, NOT the national MESH service "
                + "(set OPENCPIS_MESH_URL for a real MESH server); OpenCPIS mailbox {}{}", settings.mailbox(),
                developmentKey ? ", development shared key" : "");
    }
}
