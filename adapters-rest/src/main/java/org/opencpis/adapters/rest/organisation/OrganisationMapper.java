package org.opencpis.adapters.rest.organisation;

import org.opencpis.adapters.rest.shared.Fields;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

/** Between the organisation JSON and the domain. */
final class OrganisationMapper {
    private OrganisationMapper() {
    }

    static Organisation toDomain(String odsCode, OrganisationRequest body) {
        Fields fields = new Fields();
        OdsCode ods = fields.value("odsCode", () -> OdsCode.of(odsCode, "odsCode"));
        if (body == null) {
            fields.required("body", null);
            fields.orThrow();
        }
        OrganisationType type = fields.optional("type", fields.required("type", body.type()), OrganisationMapper::type);
        PhoneNumber emergency = fields.optional("emergencyDutyPhone", body.emergencyDutyPhone(), raw -> phone("emergencyDutyPhone", raw));
        PhoneNumber office = fields.optional("officeHoursPhone", body.officeHoursPhone(), raw -> phone("officeHoursPhone", raw));
        fields.orThrow();
        Organisation organisation = fields.value("organisation", () -> new Organisation(ods, body.name(), type, emergency,
                office, body.meshMailboxId(), body.meshMailboxPassword()));
        fields.orThrow();
        return organisation;
    }

    static OrganisationResponse toResponse(Organisation organisation) {
        return new OrganisationResponse(organisation.odsCode().value(), organisation.name(), organisation.type().name(),
                text(organisation.emergencyDutyPhone()), text(organisation.officeHoursPhone()), organisation.meshMailboxId());
    }

    private static OrganisationType type(String raw) {
        try {
            return OrganisationType.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new DomainViolation("INVALID_ORGANISATION_TYPE", "type",
                    "type must be LOCAL_AUTHORITY, NHS_ORGANISATION or ZERO_TO_NINETEEN_SERVICE");
        }
    }

    private static PhoneNumber phone(String field, String raw) {
        try {
            return new PhoneNumber(raw);
        } catch (DomainViolation e) {
            throw new DomainViolation(e.code(), field, e.getMessage());
        }
    }

    private static String text(PhoneNumber phone) {
        return phone == null ? null : phone.value();
    }
}
