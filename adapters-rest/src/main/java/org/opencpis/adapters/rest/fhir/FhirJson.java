package org.opencpis.adapters.rest.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes FHIR resources as {@code application/fhir+json} with HAPI's parser. A parser is made per
 * response (they are cheap and not thread-safe); the context is the shared one, created on first use.
 */
@Singleton
public class FhirJson {
    public static final String FHIR_JSON = "application/fhir+json";
    public static final MediaType FHIR_JSON_TYPE = MediaType.of(FHIR_JSON);

    private final Provider<FhirContext> context;

    public FhirJson(Provider<FhirContext> context) {
        this.context = context;
    }

    public MutableHttpResponse<byte[]> response(HttpStatus status, IBaseResource resource) {
        return HttpResponse.<byte[]>status(status).body(encode(resource)).contentType(FHIR_JSON_TYPE);
    }

    byte[] encode(IBaseResource resource) {
        return context.get().newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }
}
