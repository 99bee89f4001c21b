package org.opencpis.adapters.spine.mesh.client;

/** The mailbox a client acts as, its password and the environment's shared HMAC key. */
public record MeshCredentials(String mailbox, String password, String sharedKey) {
    @Override
    public String toString() {
        return "MeshCredentials[" + mailbox + "]";
    }
}
