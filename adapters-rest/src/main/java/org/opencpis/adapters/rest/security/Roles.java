package org.opencpis.adapters.rest.security;

/** The permissions of CONTRACT §3: service roles and the national RBAC activity codes. */
public final class Roles {
    /** A local authority's staff or case-management system, for that LA's data only. */
    public static final String LA = "LA";
    /** Registers organisations, mailboxes and cohorts; sees no child data. */
    public static final String ADMIN = "ADMIN";
    /** Reads and verifies the audit trail. */
    public static final String AUDITOR = "AUDITOR";
    /** "View CP-IS Flag": the query as unscheduled care (access recorded, notification sent). */
    public static final String B0107 = "B0107";
    /** "View CP-IS Flag (without sending an ASN)": a silent read. */
    public static final String B0170 = "B0170";

    static final java.util.Set<String> SERVICE_ROLES = java.util.Set.of(LA, ADMIN, AUDITOR);

    private Roles() {
    }
}
