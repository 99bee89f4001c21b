package org.opencpis.bootstrap.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;

/**
 * CONTRACT §8 over HTTP: the CP-IS query ({@code CareTeam}) and the access history
 * ({@code AuditEvent}) in FHIR R4, their errors as OperationOutcomes, and silent versus unscheduled
 * access. Every FHIR body is read back with HAPI's strict parser.
 *
 * <p>Each test owns its NHS number and local authorities, so they do not see each other's accesses.
 */
class FhirQueryIT extends ApiTestBase {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SNOMED = "http://snomed.info/sct";

    /** The PDS fixture's people: NHS number, family name, given name, date of birth. */
    private static final String[] ALICE = {"9990001006", "Smith", "Alice", "2015-03-01"};
    private static final String[] BEN = {"9990001014", "Jones", "Ben", "2018-07-12"};
    private static final String[] CARLA = {"9990001022", "Davies", "Carla", "1990-01-20"};
    private static final String[] SID = {"9990001065", "Super", "Sid", "2014-04-04"};
    private static final String[] DAN = {"9990001073", "Lee", "Dan", "2017-05-05"};
    private static final String NOT_ON_REGISTER = "9434765919";

    @BeforeAll
    void registerOrganisations() {
        registerLocalAuthority("801", "Test Borough 801", "020 7000 0801", "020 7100 0801");
        registerLocalAuthority("802", "Test Borough 802", "020 7000 0802", "020 7100 0802");
        registerLocalAuthority("803", "Test County 803", "01632 960803", null);
        for (String ods : List.of("804", "805", "806", "807", "808", "809", "810")) {
            registerLocalAuthority(ods, "Test Borough " + ods, "020 7000 0" + ods, "020 7100 0" + ods);
        }
        Api.Response trust = api().put("/api/v1/organisations/R1K", Tokens.admin(),
                "{\"name\": \"Test Hospital NHS Trust\", \"type\": \"NHS_ORGANISATION\"}");
        assertTrue(trust.status() == 201 || trust.status() == 200, trust.toString());
    }

    @Test
    void aChildOnOnePlanIsFoundWithTheLaToPhone() {
        plan("801", ALICE, "CPP", "2024-01-10", null, null);
        String requestId = UUID.randomUUID().toString();
        Api.Response response = api().send("GET", Fhir.careTeamSearch(ALICE[0]), Fhir.staff("gp-1", "R1K", "B0170"), null,
                Map.of("X-Request-ID", requestId, "Accept", "application/fhir+json"));

        assertEquals(requestId, response.header("X-Request-ID"));
        Bundle bundle = Fhir.searchset(response);
        assertEquals(1, bundle.getTotal());
        Bundle.BundleEntryComponent entry = bundle.getEntryFirstRep();
        assertEquals(Bundle.SearchEntryMode.MATCH, entry.getSearch().getMode());
        CareTeam team = (CareTeam) entry.getResource();
        assertEquals(CareTeam.CareTeamStatus.ACTIVE, team.getStatus());
        assertCategory(team, "342191000000101", "Subject to child protection plan");
        assertEquals("2024-01-10", team.getPeriod().getStartElement().getValueAsString());
        assertFalse(team.getPeriod().hasEnd());
        assertEquals("Test Borough 801", team.getName());
        assertEquals(Fhir.NHS_NUMBER_SYSTEM, team.getSubject().getIdentifier().getSystem());
        assertEquals(ALICE[0], team.getSubject().getIdentifier().getValue());
        assertManagedBy(team, "801", "Test Borough 801");
        assertEquals(Map.of(ContactPoint.ContactPointUse.WORK, "020 7100 0801",
                ContactPoint.ContactPointUse.MOBILE, "020 7000 0801"), phones(team));
    }

    @Test
    void aChildHeldByTwoLasShowsEachWithItsOwnNameAndPhones() {
        plan("802", BEN, "LAC", "2023-05-01", null, "S31");
        LocalDate ended = today().minusDays(10);
        plan("803", BEN, "CPP", "2022-02-01", ended, null);

        Bundle bundle = Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(BEN[0]), Fhir.staff("ed-1", "R1K", "B0107")));
        assertEquals(2, bundle.getTotal());
        Map<String, CareTeam> byLa = teamsByLa(bundle);
        assertEquals(List.of("802", "803"), byLa.keySet().stream().sorted().toList());

        CareTeam lac = byLa.get("802");
        assertCategory(lac, "764841000000100", "Looked after child");
        assertEquals("Test Borough 802", lac.getName());
        assertManagedBy(lac, "802", "Test Borough 802");
        assertEquals(Map.of(ContactPoint.ContactPointUse.WORK, "020 7100 0802",
                ContactPoint.ContactPointUse.MOBILE, "020 7000 0802"), phones(lac));
        assertEquals("2023-05-01", lac.getPeriod().getStartElement().getValueAsString());

        CareTeam cpp = byLa.get("803");
        assertCategory(cpp, "342191000000101", "Subject to child protection plan");
        assertEquals("Test County 803", cpp.getName());
        assertManagedBy(cpp, "803", "Test County 803");
        assertEquals(Map.of(ContactPoint.ContactPointUse.MOBILE, "01632 960803"), phones(cpp),
                "no office-hours phone registered: only the emergency-duty number");
        assertEquals(ended.toString(), cpp.getPeriod().getEndElement().getValueAsString());
        for (CareTeam team : byLa.values()) {
            assertEquals(BEN[0], team.getSubject().getIdentifier().getValue());
        }
    }

    @Test
    void someoneNotOnTheRegisterIsAnEmptySearchset() {
        Bundle bundle = Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(NOT_ON_REGISTER), Fhir.staff("ed-2", "R1K", "B0107")));
        assertEquals(0, bundle.getTotal());
        assertTrue(bundle.getEntry().isEmpty());
        Bundle history = Fhir.searchset(Fhir.get(api(), Fhir.auditEventSearch(NOT_ON_REGISTER), Fhir.staff("ed-2", "R1K", "B0107")));
        assertEquals(0, history.getTotal(), "no access is recorded for someone not on the register");
    }

    @Test
    void endedPlansStayVisibleForTheirWindowOnly() {
        LocalDate today = today();
        plan("804", CARLA, "CPP", "2020-01-01", today.minusDays(363), null);
        plan("805", CARLA, "CPP", "2020-01-01", today.minusDays(365), null);
        plan("806", CARLA, "UCPP", "2020-01-01", today.minusDays(27), null);
        plan("807", CARLA, "UCPP", "2020-01-01", today.minusDays(29), null);

        Bundle bundle = Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(CARLA[0]), Fhir.staff("gp-2", "R1K", "B0170")));
        Map<String, CareTeam> byLa = teamsByLa(bundle);
        assertEquals(List.of("804", "806"), byLa.keySet().stream().sorted().toList(),
                "CPP ended 363 days ago and UCPP ended 27 days ago are shown; 365 and 29 days are not");
        assertCategory(byLa.get("804"), "342191000000101", "Subject to child protection plan");
        assertCategory(byLa.get("806"), "818901000000100", "Unborn child subject to child protection plan");
        assertEquals(today.minusDays(27).toString(), byLa.get("806").getPeriod().getEndElement().getValueAsString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "bad check digit;patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990001007",
            "nine digits;patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C999000100",
            "eleven digits;patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C99900010060",
            "letters;patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C99900O1006",
            "spaces;patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C999%20000%201006",
            "wrong system;patient:identifier=https://fhir.nhs.uk/Id/ods-organization-code%7C9990001006",
            "no system;patient:identifier=9990001006",
            "empty value;patient:identifier=",
            "twice;patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990001006&patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990001014",
            "missing;identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990001006",
    })
    void anInvalidPatientIdentifierIsInvalidSearchData(String name, String query) {
        String token = Fhir.staff("ed-3", "R1K", "B0107");
        for (String resource : List.of("CareTeam", "AuditEvent")) {
            Fhir.assertOutcome(Fhir.get(api(), "/FHIR/R4/" + resource + "?" + query, token), 400, "INVALID_SEARCH_DATA", "invalid");
        }
    }

    @ParameterizedTest(name = "X-Request-ID: {0}")
    @ValueSource(strings = {"(none)", "not-a-uuid", "12345", "60E0B220-8136-4CA5-AE46-1D97EF59D06"})
    void aMissingOrNonUuidRequestIdIsPreconditionFailed(String requestId) {
        String token = Fhir.staff("ed-4", "R1K", "B0107");
        Map<String, String> headers = requestId.equals("(none)") ? Map.of() : Map.of("X-Request-ID", requestId);
        for (String path : List.of(Fhir.careTeamSearch(ALICE[0]), Fhir.auditEventSearch(ALICE[0]))) {
            Api.Response response = api().send("GET", path, token, null, headers);
            Fhir.assertOutcome(response, 400, "PRECONDITION_FAILED", "invalid");
            assertNotNull(response.header("X-Request-ID"), "a request id is echoed even then");
        }
    }

    @Test
    void anUppercaseUuidRequestIdIsAcceptedAndEchoed() {
        String requestId = "60E0B220-8136-4CA5-AE46-1D97EF59D068";
        Api.Response response = api().send("GET", Fhir.careTeamSearch(NOT_ON_REGISTER), Fhir.staff("ed-4", "R1K", "B0170"),
                null, Map.of("X-Request-ID", requestId));
        assertEquals(0, Fhir.searchset(response).getTotal());
        assertEquals(requestId, response.header("X-Request-ID"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/fhir+json", "application/fhir+json; fhirVersion=4.0", "application/fhir+json;charset=utf-8",
            "application/json", "*/*", "application/json, text/plain, */*"})
    void theUsualAcceptHeadersAllGetFhirJson(String accept) {
        Bundle bundle = Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(NOT_ON_REGISTER), Fhir.staff("gp-5", "R1K", "B0170"),
                "Accept", accept));
        assertEquals(0, bundle.getTotal());
    }

    @ParameterizedTest(name = "IsUnscheduledAccessEvent: {0}")
    @ValueSource(strings = {"yes", "1", "no", "truthy", "true,false"})
    void aBadIsUnscheduledAccessEventHeaderIsPreconditionFailed(String value) {
        Fhir.assertOutcome(Fhir.get(api(), Fhir.careTeamSearch(ALICE[0]), Fhir.staff("ed-5", "R1K", "B0107"),
                "IsUnscheduledAccessEvent", value), 400, "PRECONDITION_FAILED", "invalid");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "expired", "wrong key", "alg none", "expired LA", "garbage"})
    void badTokensAre401AccessDenied(String kind) {
        String token = switch (kind) {
            case "none" -> null;
            case "expired" -> Fhir.expiredStaff("R1K");
            case "wrong key" -> Fhir.wrongKeyStaff("R1K");
            case "alg none" -> Fhir.unsignedStaff("R1K");
            case "expired LA" -> Tokens.expiredLa("801");
            default -> "not.a.jwt";
        };
        for (String path : List.of(Fhir.careTeamSearch(ALICE[0]), Fhir.auditEventSearch(ALICE[0]))) {
            Fhir.assertOutcome(Fhir.get(api(), path, token), 401, "ACCESS_DENIED", "login");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LA", "ADMIN", "AUDITOR", "staff without activities", "staff with another activity"})
    void tokensWithoutB0107OrB0170Are403AccessDenied(String kind) {
        String token = switch (kind) {
            case "LA" -> Tokens.la("801");
            case "ADMIN" -> Tokens.admin();
            case "AUDITOR" -> Tokens.auditor();
            case "staff without activities" -> Fhir.staff("nurse-1", "R1K");
            default -> Fhir.staff("nurse-2", "R1K", "B0172");
        };
        for (String path : List.of(Fhir.careTeamSearch(ALICE[0]), Fhir.auditEventSearch(ALICE[0]))) {
            Fhir.assertOutcome(Fhir.get(api(), path, token), 403, "ACCESS_DENIED", "forbidden");
        }
    }

    @Test
    void unknownFhirEndpointsAndMethodsAreOperationOutcomes() {
        String token = Fhir.staff("ed-6", "R1K", "B0107");
        Fhir.assertOutcome(Fhir.get(api(), "/FHIR/R4/Patient?identifier=x", token), 404, "UNSUPPORTED_SERVICE", "not-found");
        Fhir.assertOutcome(Fhir.get(api(), "/FHIR/R4/CareTeam/123", token), 404, "UNSUPPORTED_SERVICE", "not-found");
        Api.Response post = api().send("POST", Fhir.careTeamSearch(ALICE[0]), token, "{}",
                Fhir.headers("Content-Type", "application/fhir+json"));
        assertEquals(405, post.status(), post.toString());
        Fhir.assertOutcome(post, 405, "UNSUPPORTED_SERVICE", "not-supported");
        Api.Response api = api().get("/api/v1/nothing-here", token);
        assertEquals(404, api.status());
        assertEquals("application/problem+json", api.header("Content-Type"), "the JSON API keeps problem+json");
    }

    @Test
    void silentReadsLeaveNoTraceForTheLaButUnscheduledQueriesDo() {
        plan("808", SID, "CPP", "2024-03-01", null, null);
        String careTeams = Fhir.careTeamSearch(SID[0]);

        Fhir.searchset(Fhir.get(api(), careTeams, Fhir.staff("gp-3", "R1K", "B0170")));
        Fhir.searchset(Fhir.get(api(), careTeams, Fhir.staff("gp-3", "R1K", "B0170"), "IsUnscheduledAccessEvent", "true"));
        Fhir.searchset(Fhir.get(api(), careTeams, Fhir.staff("ed-7", "R1K", "B0107"), "IsUnscheduledAccessEvent", "false"));
        Fhir.searchset(Fhir.get(api(), careTeams, Fhir.staff("ed-7", "R1K", "B0107", "B0170"), "IsUnscheduledAccessEvent", "false"));
        assertEquals(0, inbox("808").size(), "silent reads send no notification");
        assertEquals(0, history(SID[0]).getTotal(), "silent reads are not in the access history");

        Bundle found = Fhir.searchset(Fhir.get(api(), careTeams, Fhir.staff("ed-7", "R1K", "B0107")));
        assertEquals(1, found.getTotal(), "the answer is the same whatever the kind of access");
        assertEquals(1, inbox("808").size(), "an unscheduled query (B0107, no header) notifies the LA");
        assertEquals(1, history(SID[0]).getTotal());

        Fhir.searchset(Fhir.get(api(), careTeams, Fhir.staff("ed-7", "R1K", "B0107", "B0170"), "IsUnscheduledAccessEvent", "TRUE"));
        assertEquals(2, inbox("808").size());
        Bundle history = history(SID[0]);
        assertEquals(2, history.getTotal());
        AuditEvent newest = (AuditEvent) history.getEntryFirstRep().getResource();
        assertEquals("ed-7", newest.getAgentFirstRep().getWho().getIdentifier().getValue());
    }

    @Test
    void theHistoryShowsThe25NewestUnscheduledAccessesAndEachLaIsNotifiedOncePerQuery() {
        plan("809", DAN, "CPP", "2024-01-01", null, null);
        plan("809", DAN, "LAC", "2024-01-01", null, "S20");
        plan("810", DAN, "UCPP", "2024-06-01", null, null);
        registerNhsOrganisation("Q26", "Test Urgent Treatment Centre");

        List<String> tokens = new ArrayList<>();
        Instant before = Instant.now();
        for (int i = 1; i <= 26; i++) {
            String org = "Q%02d".formatted(i);
            String token = Fhir.staff("clinician-" + org, org, "B0107");
            tokens.add(token);
            assertEquals(3, Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(DAN[0]), token)).getTotal());
        }
        Instant after = Instant.now();

        Bundle history = Fhir.searchset(Fhir.get(api(), Fhir.auditEventSearch(DAN[0]), Fhir.staff("gp-4", "R1K", "B0170")));
        assertEquals(25, history.getTotal());
        List<AuditEvent> events = history.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
        assertEquals(IntStream.iterate(26, i -> i - 1).limit(25).mapToObj("Q%02d"::formatted).toList(),
                events.stream().map(e -> e.getSource().getObserver().getIdentifier().getValue()).toList(),
                "newest first; the oldest of the 26 is gone");
        for (int i = 1; i < events.size(); i++) {
            assertFalse(events.get(i - 1).getRecorded().before(events.get(i).getRecorded()), "newest first");
        }

        AuditEvent newest = events.get(0);
        assertEquals("http://terminology.hl7.org/CodeSystem/audit-event-type", newest.getType().getSystem());
        assertEquals("rest", newest.getType().getCode());
        assertEquals(AuditEvent.AuditEventAction.R, newest.getAction());
        Instant recorded = newest.getRecorded().toInstant();
        assertFalse(recorded.isBefore(before.minusSeconds(1)) || recorded.isAfter(after.plusSeconds(1)), recorded.toString());
        AuditEvent.AuditEventAgentComponent agent = newest.getAgentFirstRep();
        assertTrue(agent.getRequestor());
        assertEquals("https://fhir.nhs.uk/Id/sds-user-id", agent.getWho().getIdentifier().getSystem());
        assertEquals("clinician-Q26", agent.getWho().getIdentifier().getValue());
        Map<String, String> roles = agent.getRole().stream().flatMap(role -> role.getCoding().stream())
                .collect(Collectors.toMap(Coding::getSystem, Coding::getCode));
        assertEquals(Fhir.roleProfileId(tokens.get(25)), roles.get("https://fhir.nhs.uk/Id/sds-role-profile-id"));
        assertTrue(agent.getRole().stream().map(CodeableConcept::getText).anyMatch(Fhir.ROLE_CODE::equals),
                "the job role code is shown");
        assertEquals(Fhir.ODS_SYSTEM, newest.getSource().getObserver().getIdentifier().getSystem());
        assertEquals("Test Urgent Treatment Centre", newest.getSource().getObserver().getDisplay());
        assertNull(events.get(1).getSource().getObserver().getDisplay(), "Q25 is not a registered organisation");
        assertEquals(Fhir.NHS_NUMBER_SYSTEM, newest.getEntityFirstRep().getWhat().getIdentifier().getSystem());
        assertEquals(DAN[0], newest.getEntityFirstRep().getWhat().getIdentifier().getValue());

        for (String la : List.of("809", "810")) {
            List<Map<String, Object>> notifications = inbox(la);
            assertEquals(26, notifications.size(), la + ": one notification per unscheduled query, whatever the plans held");
            assertEquals(IntStream.rangeClosed(1, 26).mapToObj("Q%02d"::formatted).toList(),
                    notifications.stream().map(n -> organisationOf(n)).toList(), la + ": oldest first, none repeated");
            assertEquals(26, notifications.stream().map(n -> n.get("notificationId")).distinct().count());
        }
        assertEquals(List.of("CPP"), inbox("809").stream().map(n -> n.get("planType")).distinct().toList(),
                "an LA holding two plans is told once, naming the first plan type");
        assertEquals(List.of("UCPP"), inbox("810").stream().map(n -> n.get("planType")).distinct().toList());
    }

    private static String organisationOf(Map<String, Object> notification) {
        @SuppressWarnings("unchecked")
        Map<String, Object> organisation = (Map<String, Object>) notification.get("organisation");
        return (String) organisation.get("odsCode");
    }

    private Bundle history(String nhsNumber) {
        Bundle bundle = Fhir.searchset(Fhir.get(api(), Fhir.auditEventSearch(nhsNumber), Fhir.staff("gp-9", "R1K", "B0170")));
        bundle.getEntry().forEach(entry -> assertTrue(entry.getResource() instanceof AuditEvent));
        return bundle;
    }

    private List<Map<String, Object>> inbox(String la) {
        Api.Response response = api().get("/api/v1/notifications?acknowledged=false&size=500", Tokens.la(la));
        assertEquals(200, response.status(), response.toString());
        assertNull(response.json().get("nextPage"));
        return response.items();
    }

    private static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    private static Map<String, CareTeam> teamsByLa(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> (CareTeam) entry.getResource())
                .collect(Collectors.toMap(team -> team.getManagingOrganizationFirstRep().getIdentifier().getValue(),
                        Function.identity()));
    }

    private static void assertCategory(CareTeam team, String code, String display) {
        assertEquals(1, team.getCategory().size());
        Coding coding = team.getCategoryFirstRep().getCodingFirstRep();
        assertEquals(SNOMED, coding.getSystem());
        assertEquals(code, coding.getCode());
        assertEquals(display, coding.getDisplay());
    }

    private static void assertManagedBy(CareTeam team, String ods, String name) {
        assertEquals(1, team.getManagingOrganization().size());
        assertEquals(Fhir.ODS_SYSTEM, team.getManagingOrganizationFirstRep().getIdentifier().getSystem());
        assertEquals(ods, team.getManagingOrganizationFirstRep().getIdentifier().getValue());
        assertEquals(name, team.getManagingOrganizationFirstRep().getDisplay());
    }

    private static Map<ContactPoint.ContactPointUse, String> phones(CareTeam team) {
        Map<ContactPoint.ContactPointUse, String> phones = new HashMap<>();
        for (ContactPoint telecom : team.getTelecom()) {
            assertEquals(ContactPoint.ContactPointSystem.PHONE, telecom.getSystem());
            assertNull(phones.put(telecom.getUse(), telecom.getValue()), "one number per use");
        }
        return phones;
    }

    private void plan(String la, String[] person, String planType, String start, LocalDate end, String legalStatus) {
        String body = """
                {"startDate": "%s", "endDate": %s, "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "%s",
                 "lacLegalStatus": %s}""".formatted(start, end == null ? "null" : "\"" + end + "\"", person[1], person[2],
                person[3], legalStatus == null ? "null" : "\"" + legalStatus + "\"");
        Api.Response response = api().put("/api/v1/plans/" + person[0] + "/" + planType, Tokens.la(la), body);
        assertEquals(201, response.status(), response.toString());
        assertNotEquals("WITHDRAWN", response.json().get("status"));
    }

    private void registerLocalAuthority(String ods, String name, String emergencyDutyPhone, String officeHoursPhone) {
        Api.Response response = api().put("/api/v1/organisations/" + ods, Tokens.admin(), """
                {"name": "%s", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "%s", "officeHoursPhone": %s,
                 "meshMailboxId": "LA%sMB", "meshMailboxPassword": "secret-%s"}""".formatted(name, emergencyDutyPhone,
                officeHoursPhone == null ? "null" : "\"" + officeHoursPhone + "\"", ods, ods));
        assertTrue(response.status() == 201 || response.status() == 200, response.toString());
    }

    private void registerNhsOrganisation(String ods, String name) {
        Api.Response response = api().put("/api/v1/organisations/" + ods, Tokens.admin(),
                "{\"name\": \"%s\", \"type\": \"NHS_ORGANISATION\"}".formatted(name));
        assertTrue(response.status() == 201 || response.status() == 200, response.toString());
    }
}
