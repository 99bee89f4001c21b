package org.opencpis.adapters.rest.cohort;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.opencpis.adapters.rest.shared.Fields;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.cohort.CohortCriteria;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.CohortMember;
import org.opencpis.domain.cohort.PostcodeDistrict;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.SchoolUrn;

/** Between the cohort JSON of CONTRACT §11 and the domain. */
final class CohortMapper {
    private CohortMapper() {
    }

    /** The cohort the request defines; every field error is reported at once (400). */
    static Cohort toDomain(String cohortId, CohortRequest body) {
        CohortRequest request = body == null ? new CohortRequest(null, null, null, null, null, null) : body;
        Fields fields = new Fields();
        CohortId id = fields.value("cohortId", () -> new CohortId(cohortId));
        OdsCode owner = fields.optional("ownerOdsCode", fields.required("ownerOdsCode", request.ownerOdsCode()),
                raw -> OdsCode.of(raw, "ownerOdsCode"));
        String name = fields.required("name", request.name());
        List<SchoolUrn> schools = each(fields, "schoolUrns", request.schoolUrns(), SchoolUrn::new);
        List<OdsCode> practices = each(fields, "gpPracticeOdsCodes", request.gpPracticeOdsCodes(),
                raw -> OdsCode.of(raw, "gpPracticeOdsCodes"));
        List<PostcodeDistrict> districts = each(fields, "postcodeDistricts", request.postcodeDistricts(), PostcodeDistrict::of);
        List<OdsCode> authorities = each(fields, "localAuthorityOdsCodes", request.localAuthorityOdsCodes(),
                raw -> OdsCode.of(raw, "localAuthorityOdsCodes"));
        fields.orThrow();
        CohortCriteria criteria = fields.value("schoolUrns", () -> new CohortCriteria(Set.copyOf(schools),
                Set.copyOf(practices), Set.copyOf(districts), Set.copyOf(authorities)));
        Cohort cohort = criteria == null ? null : fields.value("name", () -> new Cohort(id, owner, name, criteria));
        fields.orThrow();
        return cohort;
    }

    private static <T> List<T> each(Fields fields, String field, List<String> raw, Function<String, T> convert) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().map(value -> fields.value(field, () -> convert.apply(value))).filter(Objects::nonNull).toList();
    }

    static CohortResponse toResponse(Cohort cohort) {
        CohortCriteria criteria = cohort.criteria();
        return new CohortResponse(cohort.id().value(), cohort.owner().value(), cohort.name(),
                criteria.schoolUrns().stream().map(SchoolUrn::value).sorted().toList(),
                criteria.gpPractices().stream().map(OdsCode::value).sorted().toList(),
                criteria.postcodeDistricts().stream().map(PostcodeDistrict::value).sorted().toList(),
                criteria.localAuthorities().stream().map(OdsCode::value).sorted().toList());
    }

    static CohortMemberResponse toResponse(CohortMember member) {
        Organisation la = member.responsibleLa();
        return new CohortMemberResponse(member.nhsNumber().value(), member.familyName(), member.givenNames(),
                member.dateOfBirth().toString(), member.planType().name(), member.startDate().toString(),
                member.endDate() == null ? null : member.endDate().toString(),
                la == null ? null : new CohortMemberResponse.ResponsibleLa(la.odsCode().value(), la.name(),
                        phone(la.officeHoursPhone()), phone(la.emergencyDutyPhone())),
                member.matchedBy());
    }

    static CohortMemberResponse.Changes toResponse(CohortChanges changes) {
        return new CohortMemberResponse.Changes(changes.joined().stream().map(CohortMapper::toResponse).toList(),
                changes.left().stream().map(nhs -> new CohortMemberResponse.Leaver(nhs.value())).toList(),
                Long.toString(changes.cursor()));
    }

    private static String phone(PhoneNumber phone) {
        return phone == null ? null : phone.value();
    }
}
