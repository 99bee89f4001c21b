package org.opencpis.domain.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;

/**
 * An unscheduled access to a person on the register: who looked (the person, their role profile
 * and job role, at which organisation) and when. The last 25 are shown to clinicians and LAs.
 */
public record AccessEvent(UUID id, NhsNumber nhsNumber, Instant accessedAt, Actor accessedBy, String organisationName) {
    public AccessEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(accessedAt, "accessedAt");
        Objects.requireNonNull(accessedBy, "accessedBy");
    }
}
