package org.opencpis.adapters.spine.mesh.client;

/** The MESH server refused the request for good (for example an unknown recipient): retrying will not help. */
public class MeshRejected extends RuntimeException {
    private final int status;

    public MeshRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
