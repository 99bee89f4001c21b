package org.opencpis.domain.audit;

import java.time.Instant;
import org.opencpis.domain.shared.NhsNumber;

/** Which audit entries to list: any field may be absent; {@code from} inclusive, {@code to} exclusive. */
public record AuditSearch(NhsNumber nhsNumber, Instant from, Instant to) {
}
