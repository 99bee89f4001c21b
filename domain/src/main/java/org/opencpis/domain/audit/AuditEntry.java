package org.opencpis.domain.audit;

import java.time.Instant;
import java.util.Objects;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;

/**
 * One line of the audit trail: who did what to whose data, when, under which request, with what
 * outcome. {@code nhsNumber} is empty for actions that touch no child's data.
 */
public record AuditEntry(
        Instant at,
        Actor actor,
        String action,
        NhsNumber nhsNumber,
        String requestId,
        String outcome) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
