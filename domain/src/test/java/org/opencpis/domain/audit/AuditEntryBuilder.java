package org.opencpis.domain.audit;

import java.time.Instant;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** Test data: a clinician's unscheduled query, one field changed at a time. */
final class AuditEntryBuilder {
    private Instant at = Instant.parse("2025-06-15T10:15:30.123456Z");
    private String subject = "555000000001";
    private OdsCode organisation = new OdsCode("RAP");
    private String role = "R8000";
    private String roleProfileId = "555000000002";
    private String action = "QUERY:UNSCHEDULED";
    private NhsNumber nhsNumber = new NhsNumber("9990000018");
    private String requestId = "7d1b4c8e-0c2f-4a4e-9d55-2f1a3c6b9e10";
    private String outcome = "FOUND";

    static AuditEntryBuilder anEntry() {
        return new AuditEntryBuilder();
    }

    AuditEntryBuilder at(Instant value) {
        at = value;
        return this;
    }

    AuditEntryBuilder by(String value) {
        subject = value;
        return this;
    }

    AuditEntryBuilder forOrganisation(String odsCode) {
        organisation = new OdsCode(odsCode);
        return this;
    }

    AuditEntryBuilder inRole(String value) {
        role = value;
        return this;
    }

    AuditEntryBuilder withRoleProfile(String value) {
        roleProfileId = value;
        return this;
    }

    AuditEntryBuilder doing(String value) {
        action = value;
        return this;
    }

    AuditEntryBuilder about(NhsNumber value) {
        nhsNumber = value;
        return this;
    }

    AuditEntryBuilder inRequest(String value) {
        requestId = value;
        return this;
    }

    AuditEntryBuilder withOutcome(String value) {
        outcome = value;
        return this;
    }

    AuditEntry build() {
        return new AuditEntry(at, new Actor(subject, organisation, role, roleProfileId), action, nhsNumber, requestId, outcome);
    }
}
