package org.opencpis.adapters.rest.audit;

import io.micronaut.serde.annotation.Serdeable;

/** The result of re-computing the audit chain. */
@Serdeable
public record VerificationResponse(boolean valid, long entries) {
}
