package org.opencpis.adapters.spine.messaging;

import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.cohort.CohortMember;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.PhoneNumber;

/** Maps a cohort's changes to their message body. */
public final class CohortChangesMessages {
    /** The MESH workflow of a cohort push. */
    public static final String WORKFLOW = "CPIS_COHORT";

    private CohortChangesMessages() {
    }

    /** The idempotency key (MESH local id): the cohort and the cursor the changes reach. */
    public static String localId(CohortChanges changes) {
        return changes.cohortId().value() + "@" + changes.cursor();
    }

    public static CohortChangesMessage toMessage(CohortChanges changes) {
        return new CohortChangesMessage(changes.cohortId().value(), Long.toString(changes.cursor()),
                changes.joined().stream().map(CohortChangesMessages::member).toList(),
                changes.left().stream().map(nhs -> new CohortChangesMessage.Leaver(nhs.value())).toList());
    }

    private static CohortChangesMessage.Member member(CohortMember member) {
        Organisation la = member.responsibleLa();
        return new CohortChangesMessage.Member(member.nhsNumber().value(), member.familyName(), member.givenNames(),
                member.dateOfBirth().toString(), member.planType().name(), member.startDate().toString(),
                member.endDate() == null ? null : member.endDate().toString(),
                la == null ? null : new CohortChangesMessage.ResponsibleLa(la.odsCode().value(), la.name(),
                        phone(la.officeHoursPhone()), phone(la.emergencyDutyPhone())),
                member.matchedBy());
    }

    private static String phone(PhoneNumber phone) {
        return phone == null ? null : phone.value();
    }
}
