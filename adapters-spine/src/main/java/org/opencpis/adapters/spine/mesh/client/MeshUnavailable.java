package org.opencpis.adapters.spine.mesh.client;

/** The MESH server did not take the request now (down, throttled, timed out): try again later. */
public class MeshUnavailable extends RuntimeException {
    public MeshUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
