package org.opencpis.adapters.spine.messaging;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;

/**
 * Mailboxes on a real MESH server are issued nationally, not by OpenCPIS: provisioning is a no-op.
 * The built-in MESH stub replaces this with its own mailbox store.
 */
@Singleton
@Secondary
public class NationalMeshMailboxes implements MessagingMailboxes {
    @Override
    public void provision(String mailboxId, String password) {
        // issued by the national MESH service
    }
}
