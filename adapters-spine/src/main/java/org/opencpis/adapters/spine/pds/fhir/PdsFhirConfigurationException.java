package org.opencpis.adapters.spine.pds.fhir;

/** The PDS FHIR adapter cannot start: a setting is missing or invalid. The message names the setting, never a secret. */
public class PdsFhirConfigurationException extends RuntimeException {
    public PdsFhirConfigurationException(String message) {
        super(message);
    }
}
