package org.opencpis.adapters.rest.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.opencpis.application.alert.port.in.QueryProtectionUseCase.ResponsibleRecord;
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

/** The CP-IS resources as HAPI writes them, read back with a strict parser. */
class FhirResourcesTest {
    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static final FhirJson JSON = new FhirJson(() -> CONTEXT);
    private static final NhsNumber CHILD = new NhsNumber("9990001006");

    @Test
    void aRecordIsACareTeamOfItsLocalAuthority() {
        ProtectionRecord record = ProtectionRecord.open(UUID.randomUUID(),
                new RecordKey(new OdsCode("706"), CHILD, PlanType.UCPP),
                new PlanDetails(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 3, 4), null,
                        new Subject("Smith", List.of("Alice"), LocalDate.of(1990, 1, 1)), null, null, null, null, null));
        Organisation la = new Organisation(new OdsCode("706"), "London Borough of Islington", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("020 7226 0992"), null, null, null);

        Bundle bundle = roundTrip(FhirResources.searchset("/FHIR/R4/CareTeam", List.of(
                FhirResources.careTeam(new ResponsibleRecord(record, la)))));

        assertEquals(1, bundle.getTotal());
        CareTeam team = (CareTeam) bundle.getEntryFirstRep().getResource();
        assertEquals("urn:uuid:" + record.id(), bundle.getEntryFirstRep().getFullUrl());
        assertEquals("818901000000100", team.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("2025-01-02", team.getPeriod().getStartElement().getValueAsString());
        assertEquals("2025-03-04", team.getPeriod().getEndElement().getValueAsString());
        assertEquals("London Borough of Islington", team.getName());
        assertEquals("706", team.getManagingOrganizationFirstRep().getIdentifier().getValue());
        assertEquals(1, team.getTelecom().size(), "no office-hours phone: only the emergency-duty number");
        assertEquals(ContactPoint.ContactPointUse.MOBILE, team.getTelecomFirstRep().getUse());
        assertEquals("9990001006", team.getSubject().getIdentifier().getValue());
    }

    @Test
    void anUnregisteredLocalAuthorityStillShowsItsOdsCode() {
        ProtectionRecord record = ProtectionRecord.open(UUID.randomUUID(), new RecordKey(new OdsCode("999"), CHILD, PlanType.CPP),
                new PlanDetails(LocalDate.of(2025, 1, 2), null, null,
                        new Subject("Smith", List.of("Alice"), LocalDate.of(2015, 3, 1)), null, null, null, null, null));
        CareTeam team = (CareTeam) roundTrip(FhirResources.searchset("/x", List.of(
                FhirResources.careTeam(new ResponsibleRecord(record, null))))).getEntryFirstRep().getResource();
        assertEquals("999", team.getName());
        assertEquals("999", team.getManagingOrganizationFirstRep().getIdentifier().getValue());
        assertFalse(team.hasTelecom());
    }

    @Test
    void anAccessIsAnAuditEvent() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678901Z");
        AccessEvent access = new AccessEvent(UUID.randomUUID(), CHILD, at,
                new Actor("555000111222", new OdsCode("RXX"), "S0030:G0100:R0260", "555000111333"), null);

        AuditEvent event = (AuditEvent) roundTrip(FhirResources.searchset("/x", List.of(FhirResources.auditEvent(access))))
                .getEntryFirstRep().getResource();

        assertEquals(at.toEpochMilli(), event.getRecorded().getTime());
        assertEquals("555000111222", event.getAgentFirstRep().getWho().getIdentifier().getValue());
        assertEquals("555000111333", event.getAgentFirstRep().getRole().get(0).getCodingFirstRep().getCode());
        assertEquals("R0260", event.getAgentFirstRep().getRole().get(1).getCodingFirstRep().getCode());
        assertEquals("S0030:G0100:R0260", event.getAgentFirstRep().getRole().get(1).getText());
        assertEquals("RXX", event.getSource().getObserver().getIdentifier().getValue());
        assertNull(event.getSource().getObserver().getDisplay());
        assertEquals("9990001006", event.getEntityFirstRep().getWhat().getIdentifier().getValue());
    }

    private static Bundle roundTrip(Resource resource) {
        String json = new String(JSON.encode(resource), StandardCharsets.UTF_8);
        return CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, json);
    }
}
