package org.opencpis.adapters.rest.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One audit entry with its place in the hash chain. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntryResponse(long sequence, String at, String subject, String organisation, String role,
                                 String roleProfileId, String action, String nhsNumber, String requestId,
                                 String outcome, String previousHash, String hash) {
}
