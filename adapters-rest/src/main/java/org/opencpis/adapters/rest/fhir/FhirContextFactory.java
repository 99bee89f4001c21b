package org.opencpis.adapters.rest.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one HAPI FHIR R4 context of the service: expensive to build (it scans the model), safe to share. */
@Factory
public class FhirContextFactory {

    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
