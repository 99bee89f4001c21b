package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;

/**
 * With the MESH stub on, a registered organisation's {@code meshMailboxId} becomes a mailbox of
 * the stub, in the registration's own transaction. Ids are kept upper case (MESH mailbox ids are
 * upper case; {@code mb706} and {@code MB706} are one mailbox). A null password creates the
 * mailbox if it is new (it can receive but nobody can sign in yet) and otherwise leaves the
 * password it has, since the password is write-only and a re-registration need not repeat it.
 * {@link Primary} over the {@code @Secondary} no-op used with a real MESH server.
 */
@Singleton
@Primary
@RequiresMeshStub
public final class MeshStubMailboxes implements MessagingMailboxes {
    private final MeshStubStore store;
    private final Clock clock;

    MeshStubMailboxes(MeshStubStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void provision(String mailboxId, String password) {
        store.provisionMailbox(MeshStubAuthenticator.normalise(mailboxId), password, clock.instant());
    }
}
