package org.opencpis.adapters.rest.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The one HAPI FHIR R4 context of the service: expensive to build (it scans the model), safe to share.
 * Its parsers do not look for references to contain: every reference the service writes is by
 * identifier, never to a resource object, so the search for one (a walk of the whole resource,
 * about a twentieth of a query's CPU in the benchmark's profile) would find nothing.
 */
@Factory
public class FhirContextFactory {

    @Singleton
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }
}
