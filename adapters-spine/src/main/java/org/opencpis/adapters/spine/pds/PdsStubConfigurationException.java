package org.opencpis.adapters.spine.pds;

/**
 * The PDS stub cannot start: its settings are invalid or its fixture cannot be read. The message
 * says what to fix; it never carries demographic values from the fixture.
 */
public class PdsStubConfigurationException extends RuntimeException {
    public PdsStubConfigurationException(String message) {
        super(message);
    }

    public PdsStubConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
