package org.opencpis.application.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** Test data shared by the contract kits and the service tests. */
public final class TestData {
    public static final OdsCode ISLINGTON = new OdsCode("706");
    public static final OdsCode CAMDEN = new OdsCode("702");
    public static final OdsCode HOSPITAL = new OdsCode("RRV");

    private TestData() {
    }

    /**
     * The {@code n}th of a series of valid test NHS numbers (999 range, never issued), ascending in
     * {@code n} for {@code n} from 0 to 99,999.
     */
    public static NhsNumber nhsNumber(int n) {
        for (int ninth = 0; ninth <= 9; ninth++) {
            String firstNine = "999" + String.format("%05d", n) + ninth;
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (firstNine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return new NhsNumber(firstNine + check);
            }
        }
        throw new IllegalStateException("unreachable: two consecutive ninth digits cannot both give check 10");
    }

    public static RecordKey key(OdsCode localAuthority, int n, PlanType planType) {
        return new RecordKey(localAuthority, nhsNumber(n), planType);
    }

    public static ProtectionRecord record(RecordKey key, PlanDetails details) {
        return ProtectionRecord.open(UUID.randomUUID(), key, details);
    }

    public static ProtectionRecord record(RecordKey key) {
        return record(key, PlanDetailsBuilder.planFor(key.planType()).build());
    }

    public static Subject subject() {
        return new Subject("Smith", List.of("Jane", "Anne"), LocalDate.of(2015, 4, 1));
    }

    public static Organisation localAuthority(OdsCode odsCode) {
        return new Organisation(odsCode, "London Borough " + odsCode, OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("020 7527 2000"), new PhoneNumber("+44 (20) 7527-2299"), "LA" + odsCode, "secret-" + odsCode);
    }

    public static Organisation nhsOrganisation(OdsCode odsCode) {
        return new Organisation(odsCode, "NHS Trust " + odsCode, OrganisationType.NHS_ORGANISATION,
                null, null, null, null);
    }

    /** An unscheduled access by a clinician of {@link #HOSPITAL}, with every field. */
    public static AccessEvent access(UUID id, NhsNumber nhsNumber, Instant at) {
        return new AccessEvent(id, nhsNumber, at, clinicianContext().actor(), "NHS Trust " + HOSPITAL);
    }

    /** An unscheduled-care clinician (B0107) at {@link #HOSPITAL}. */
    public static RequestContext clinicianContext() {
        return new RequestContext(new Actor("555000111222", HOSPITAL, "S8000:G8000:R8000", "555254242106"),
                "req-" + UUID.randomUUID());
    }

    public static RequestContext laContext(OdsCode localAuthority) {
        return new RequestContext(new Actor("la-user-" + localAuthority, localAuthority, "LA", null),
                "req-" + UUID.randomUUID());
    }

    public static RequestContext adminContext() {
        return new RequestContext(new Actor("admin", new OdsCode("X26"), "ADMIN", null), "req-admin");
    }

    public static RequestContext auditorContext() {
        return new RequestContext(new Actor("auditor", new OdsCode("X26"), "AUDITOR", null), "req-auditor");
    }
}
