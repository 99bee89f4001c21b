package org.opencpis.adapters.rest.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.opencpis.application.alert.port.in.QueryProtectionUseCase.ResponsibleRecord;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** Builds the CP-IS FHIR R4 resources from the use cases' answers, with HAPI's model. */
final class FhirResources {
    static final String SNOMED = "http://snomed.info/sct";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SDS_USER_SYSTEM = "https://fhir.nhs.uk/Id/sds-user-id";
    static final String SDS_ROLE_PROFILE_SYSTEM = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    static final String SDS_JOB_ROLE_SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String AUDIT_ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    private FhirResources() {
    }

    /** A {@code searchset} Bundle whose {@code total} is the number of matches, each entry in search mode {@code match}. */
    static Bundle searchset(String selfUrl, List<? extends Resource> matches) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(matches.size());
        bundle.addLink().setRelation("self").setUrl(selfUrl);
        for (Resource match : matches) {
            bundle.addEntry()
                    .setFullUrl("urn:uuid:" + match.getIdElement().getIdPart())
                    .setResource(match)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * One visible record: the plan type as a SNOMED CT category, the plan period, the responsible
     * LA (name, ODS code) and how to phone it ({@code work} = office hours, {@code mobile} =
     * emergency duty, which every LA has).
     */
    static CareTeam careTeam(ResponsibleRecord found) {
        var record = found.record();
        PlanType planType = record.key().planType();
        PlanDetails details = record.details();
        OdsCode laCode = record.key().localAuthority();
        Organisation la = found.localAuthority();
        String laName = la == null ? null : la.name();

        CareTeam team = new CareTeam();
        team.setId(record.id().toString());
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.addCategory().addCoding().setSystem(SNOMED).setCode(planType.snomedCode()).setDisplay(planType.snomedDisplay());
        team.setName(laName == null ? laCode.value() : laName);
        team.setSubject(patient(record.key().nhsNumber()));
        team.getPeriod().setStartElement(date(details.startDate()));
        if (details.endDate() != null) {
            team.getPeriod().setEndElement(date(details.endDate()));
        }
        team.addManagingOrganization(organisation(laCode, laName));
        if (la != null) {
            phone(team, la.officeHoursPhone(), ContactPoint.ContactPointUse.WORK);
            phone(team, la.emergencyDutyPhone(), ContactPoint.ContactPointUse.MOBILE);
        }
        return team;
    }

    /**
     * One unscheduled access: when ({@code recorded}), who (the SDS user id; their role profile
     * and job role as {@code agent.role}), from which organisation ({@code source.observer}) and
     * whose record ({@code entity.what}).
     */
    static AuditEvent auditEvent(AccessEvent access) {
        Actor who = access.accessedBy();
        AuditEvent event = new AuditEvent();
        event.setId(access.id().toString());
        event.getType().setSystem(AUDIT_EVENT_TYPE).setCode("rest").setDisplay("RESTful Operation");
        event.addSubtype().setSystem(RESTFUL_INTERACTION).setCode("search-type").setDisplay("search type");
        event.setAction(AuditEvent.AuditEventAction.R);
        event.setRecordedElement(new InstantType(Date.from(access.accessedAt()), TemporalPrecisionEnum.MILLI,
                TimeZone.getTimeZone("UTC")));
        event.setOutcome(AuditEvent.AuditEventOutcome._0);

        AuditEvent.AuditEventAgentComponent agent = event.addAgent();
        agent.setRequestor(true);
        agent.setWho(new Reference().setType("Practitioner")
                .setIdentifier(new Identifier().setSystem(SDS_USER_SYSTEM).setValue(who.subject())));
        if (who.roleProfileId() != null) {
            agent.addRole().addCoding().setSystem(SDS_ROLE_PROFILE_SYSTEM).setCode(who.roleProfileId());
        }
        agent.addRole(jobRole(who.role()));

        event.getSource().setObserver(organisation(who.organisation(), access.organisationName()));
        event.addEntity()
                .setWhat(patient(access.nhsNumber()))
                .setType(new org.hl7.fhir.r4.model.Coding(AUDIT_ENTITY_TYPE, "1", "Person"));
        return event;
    }

    /** The CIS2 role code {@code S…:G…:R…} as text; its last part, the SDS job role, also as a code. */
    private static CodeableConcept jobRole(String roleCode) {
        CodeableConcept role = new CodeableConcept().setText(roleCode);
        String jobRole = roleCode.substring(roleCode.lastIndexOf(':') + 1);
        if (jobRole.matches("R[0-9]{4}")) {
            role.addCoding().setSystem(SDS_JOB_ROLE_SYSTEM).setCode(jobRole);
        }
        return role;
    }

    private static Reference patient(NhsNumber nhsNumber) {
        return new Reference().setType("Patient")
                .setIdentifier(new Identifier().setSystem(FhirSearch.NHS_NUMBER_SYSTEM).setValue(nhsNumber.value()));
    }

    private static Reference organisation(OdsCode odsCode, String name) {
        return new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(odsCode.value()))
                .setDisplay(name);
    }

    private static void phone(CareTeam team, PhoneNumber number, ContactPoint.ContactPointUse use) {
        if (number != null) {
            team.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number.value()).setUse(use);
        }
    }

    private static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
