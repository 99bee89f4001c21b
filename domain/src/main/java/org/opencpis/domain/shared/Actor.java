package org.opencpis.domain.shared;

import java.util.Objects;

/**
 * Who is acting: the token's subject, the organisation they act for, the role they act in (a
 * service role such as {@code LA}, or an NHS job role code) and, for NHS staff, the role profile
 * they selected at sign-in. Every access is attributable to a person or a named system.
 */
public record Actor(String subject, OdsCode organisation, String role, String roleProfileId) {
    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
    }

    /** The service itself, for scheduled work such as purging. */
    public static Actor system(String task) {
        return new Actor("system:" + task, new OdsCode("OPENCPIS"), "SYSTEM", null);
    }
}
