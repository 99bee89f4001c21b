package org.opencpis.bootstrap.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.spine.mesh.client.MeshClient;
import org.opencpis.adapters.spine.mesh.client.MeshCredentials;
import org.opencpis.adapters.spine.mesh.client.RetryPolicy;
import org.opencpis.application.testing.TestData;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.LaMailbox;
import org.opencpis.bootstrap.support.Tokens;

/**
 * Cohorts over real HTTP on PostgreSQL (CONTRACT §11): exact membership for each kind of
 * criterion, with PDS's placement when the LA gives none; ended and withdrawn records leaving;
 * the changes cursor; who may read; silent reads (audited, no notification); and the push of
 * changes to the owner's MESH mailbox.
 */
class CohortApiIT extends ApiTestBase {
    private static final String OWNER = "RQX";
    private static final String OWNER_MAILBOX = "RQXMB";
    private static final String ALICE = "9990001006"; // PDS: GP Y01234, postcode N1 1AA
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("opencpis.pds.unknown", "match");
        properties.put("opencpis.cohort.push-interval", "300ms");
        properties.put("opencpis.relay.interval", "300ms");
        properties.put("opencpis.relay.initial-delay", "0s");
        return properties;
    }

    @BeforeAll
    void registerOrganisations() {
        registerLa("706", "London Borough of Islington");
        registerLa("702", "London Borough of Camden");
        registerLa("703", "London Borough of Hackney");
        for (String ods : List.of(OWNER, "RYY")) {
            Api.Response registered = api().put("/api/v1/organisations/" + ods, Tokens.admin(), """
                    {"name": "0-19 service %s", "type": "ZERO_TO_NINETEEN_SERVICE", "meshMailboxId": "%sMB",
                     "meshMailboxPassword": "secret-%s"}""".formatted(ods, ods, ods));
            assertEquals(201, registered.status(), registered.toString());
        }
    }

    private static String child(int n) {
        return TestData.nhsNumber(n).value();
    }

    private void plan(String la, String nhs, String planType, String familyName, String extra) {
        plan(la, nhs, planType, familyName, "Child", extra);
    }

    private void plan(String la, String nhs, String planType, String familyName, String givenName, String extra) {
        String body = """
                {"startDate": "2025-01-10", "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "2015-03-01"%s}"""
                .formatted(familyName, givenName, extra.isEmpty() ? "" : ", " + extra);
        Api.Response response = api().put("/api/v1/plans/" + nhs + "/" + planType, Tokens.la(la), body);
        assertTrue(response.status() == 200 || response.status() == 201, response.toString());
    }

    private void cohort(String id, String criteria) {
        Api.Response response = api().put("/api/v1/cohorts/" + id, Tokens.admin(),
                "{\"ownerOdsCode\": \"" + OWNER + "\", \"name\": \"Cohort " + id + "\", " + criteria + "}");
        assertTrue(response.status() == 200 || response.status() == 201, response.toString());
    }

    private Api.Response members(String id, String token) {
        return api().get("/api/v1/cohorts/" + id + "/members", token);
    }

    private static String nurse() {
        return Tokens.staff(OWNER, "B0170");
    }

    /** NHS number to matchedBy, for each member entry. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> membership(String id) {
        Api.Response response = members(id, nurse());
        assertEquals(200, response.status(), response.toString());
        List<Map<String, Object>> entries = (List<Map<String, Object>>) response.json().get("members");
        return entries.stream().collect(Collectors.toMap(e -> (String) e.get("nhsNumber"), e -> (List<String>) e.get("matchedBy")));
    }

    @Test
    void eachKindOfCriterionPlacesExactlyItsChildren() {
        plan("706", ALICE, "CPP", "Smith", "Alice", "");
        plan("706", child(101), "CPP", "School", "\"schoolUrn\": \"100001\", \"postcode\": \"e8 1aa\"");
        plan("703", child(102), "CPP", "Practice", "\"gpPracticeOdsCode\": \"F84003\"");
        plan("703", child(103), "CPP", "Elsewhere", "\"schoolUrn\": \"100009\", \"gpPracticeOdsCode\": \"A99999\"");

        cohort("kinds-school", "\"schoolUrns\": [\"100001\"]");
        cohort("kinds-gp", "\"gpPracticeOdsCodes\": [\"Y01234\", \"F84003\"]");
        cohort("kinds-district", "\"postcodeDistricts\": [\"N1\", \"e8\"]");
        cohort("kinds-la", "\"localAuthorityOdsCodes\": [\"703\"]");

        assertEquals(Map.of(child(101), List.of("schoolUrn:100001")), membership("kinds-school"));
        assertEquals(Map.of(ALICE, List.of("gpPractice:Y01234"), child(102), List.of("gpPractice:F84003")),
                membership("kinds-gp"), "the LA's GP practice, else PDS's");
        assertEquals(Map.of(ALICE, List.of("postcodeDistrict:N1"), child(101), List.of("postcodeDistrict:E8")),
                membership("kinds-district"), "the LA's postcode, else PDS's");
        assertEquals(Map.of(child(102), List.of("localAuthority:703"), child(103), List.of("localAuthority:703")),
                membership("kinds-la"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberEntryCarriesTheRecordAndBothPhonesOfTheResponsibleLa() {
        plan("706", child(201), "LAC", "Entry", "\"lacLegalStatus\": \"S20\", \"schoolUrn\": \"200001\", \"endDate\": \""
                + TODAY.minusDays(10) + "\"");
        cohort("entry", "\"schoolUrns\": [\"200001\"]");
        Api.Response response = members("entry", nurse());
        Map<String, Object> member = ((List<Map<String, Object>>) response.json().get("members")).get(0);
        assertEquals(child(201), member.get("nhsNumber"));
        assertEquals("Entry", member.get("familyName"));
        assertEquals(List.of("Child"), member.get("givenNames"));
        assertEquals("2015-03-01", member.get("dateOfBirth"));
        assertEquals("LAC", member.get("planType"));
        assertEquals("2025-01-10", member.get("startDate"));
        assertEquals(TODAY.minusDays(10).toString(), member.get("endDate"), "an ended plan stays visible for a year");
        assertEquals(Map.of("odsCode", "706", "name", "London Borough of Islington", "officeHoursPhone", "020 7527 7400",
                "emergencyDutyPhone", "020 7226 0992"), member.get("responsibleLa"));
        assertTrue(response.json().get("asOf") instanceof String);
    }

    @Test
    @SuppressWarnings("unchecked")
    void endedAndWithdrawnRecordsLeaveAndTheCursorReportsEachChangeOnce() {
        String ending = child(301);
        String withdrawn = child(302);
        String stays = child(303);
        plan("706", ending, "CPP", "Ending", "\"schoolUrn\": \"300001\"");
        plan("706", withdrawn, "CPP", "Withdrawn", "\"schoolUrn\": \"300001\"");
        cohort("leavers", "\"schoolUrns\": [\"300001\"]");

        Map<String, Object> first = api().get("/api/v1/cohorts/leavers/changes", nurse()).json();
        assertEquals(Set.of(ending, withdrawn), nhsNumbers((List<Map<String, Object>>) first.get("joined")));
        assertEquals(List.of(), first.get("left"));
        String cursor = (String) first.get("cursor");
        Map<String, Object> none = api().get("/api/v1/cohorts/leavers/changes?since=" + cursor, nurse()).json();
        assertEquals(List.of(), none.get("joined"));
        assertEquals(List.of(), none.get("left"));
        assertEquals(cursor, none.get("cursor"));

        plan("706", ending, "CPP", "Ending", "\"schoolUrn\": \"300001\", \"endDate\": \"" + TODAY.minusDays(400) + "\"");
        assertEquals(204, api().delete("/api/v1/plans/" + withdrawn + "/CPP", Tokens.la("706")).status());
        plan("706", stays, "CPP", "Stays", "\"schoolUrn\": \"300001\"");
        String passing = child(304);
        plan("706", passing, "CPP", "Passing", "\"schoolUrn\": \"300001\"");
        assertEquals(204, api().delete("/api/v1/plans/" + passing + "/CPP", Tokens.la("706")).status());

        Map<String, Object> changes = api().get("/api/v1/cohorts/leavers/changes?since=" + cursor, nurse()).json();
        assertEquals(Set.of(stays), nhsNumbers((List<Map<String, Object>>) changes.get("joined")),
                "a child who joined and left between two reads is not reported");
        assertEquals(Set.of(ending, withdrawn), nhsNumbers((List<Map<String, Object>>) changes.get("left")));
        String next = (String) changes.get("cursor");
        assertTrue(Long.parseLong(next) > Long.parseLong(cursor));
        Map<String, Object> after = api().get("/api/v1/cohorts/leavers/changes?since=" + next, nurse()).json();
        assertEquals(List.of(), after.get("joined"));
        assertEquals(List.of(), after.get("left"));
        assertEquals(Set.of(stays), membership("leavers").keySet());

        Api.Response ahead = api().get("/api/v1/cohorts/leavers/changes?since=" + (Long.parseLong(next) + 1000), nurse());
        assertEquals(400, ahead.status(), ahead.toString());
        assertEquals("INVALID_CURSOR", ahead.json().get("code"));
        assertEquals(400, api().get("/api/v1/cohorts/leavers/changes?since=abc", nurse()).status());
    }

    @Test
    void redefiningACohortRecomputesItsMembers() {
        plan("702", child(401), "CPP", "Redefined", "\"schoolUrn\": \"400001\"");
        plan("702", child(402), "CPP", "Redefined", "\"schoolUrn\": \"400002\"");
        cohort("redefined", "\"schoolUrns\": [\"400001\"]");
        assertEquals(Set.of(child(401)), membership("redefined").keySet());
        cohort("redefined", "\"schoolUrns\": [\"400002\"]");
        assertEquals(Set.of(child(402)), membership("redefined").keySet());
    }

    @Test
    void onlyB0170StaffOfTheOwnerReadACohort() {
        cohort("guarded", "\"schoolUrns\": [\"500001\"]");
        for (String path : List.of("/api/v1/cohorts/guarded/members", "/api/v1/cohorts/guarded/changes")) {
            assertEquals(401, api().get(path, null).status());
            assertEquals(401, api().get(path, Tokens.expiredLa("706")).status());
            assertEquals(403, api().get(path, Tokens.la("706")).status());
            assertEquals(403, api().get(path, Tokens.admin()).status());
            assertEquals(403, api().get(path, Tokens.auditor()).status());
            assertEquals(403, api().get(path, Tokens.staff(OWNER, "B0107")).status(), "B0107 only");
            Api.Response other = api().get(path, Tokens.staff("RYY", "B0170"));
            assertEquals(403, other.status(), "another organisation's staff");
            assertEquals("FORBIDDEN", other.json().get("code"));
            assertEquals(200, api().get(path, nurse()).status());
        }
        Api.Response unknown = members("no-such-cohort", nurse());
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.json().get("code"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyAnAdministratorDefinesACohortAndBadDefinitionsAreRefusedWhole() {
        String good = "{\"ownerOdsCode\": \"" + OWNER + "\", \"name\": \"A\", \"schoolUrns\": [\"600001\"]}";
        assertEquals(401, api().put("/api/v1/cohorts/defined", null, good).status());
        assertEquals(403, api().put("/api/v1/cohorts/defined", Tokens.la("706"), good).status());
        assertEquals(403, api().put("/api/v1/cohorts/defined", nurse(), good).status());
        assertEquals(403, api().put("/api/v1/cohorts/defined", Tokens.auditor(), good).status());

        Api.Response bad = api().put("/api/v1/cohorts/defined", Tokens.admin(), """
                {"ownerOdsCode": "RQX", "name": "Bad", "schoolUrns": ["12345"], "postcodeDistricts": ["N1 1AA"],
                 "gpPracticeOdsCodes": ["not ods!"]}""");
        assertEquals(400, bad.status(), bad.toString());
        Set<String> codes = ((List<Map<String, Object>>) bad.json().get("errors")).stream()
                .map(e -> (String) e.get("code")).collect(Collectors.toSet());
        assertTrue(codes.containsAll(Set.of("INVALID_SCHOOL_URN", "INVALID_POSTCODE_DISTRICT")), codes.toString());
        assertEquals(400, api().put("/api/v1/cohorts/defined", Tokens.admin(),
                "{\"ownerOdsCode\": \"RQX\", \"name\": \"Empty\"}").status(), "no criteria");
        assertEquals(400, api().put("/api/v1/cohorts/bad%20id", Tokens.admin(), good).status());
        Api.Response unknownOwner = api().put("/api/v1/cohorts/defined", Tokens.admin(),
                "{\"ownerOdsCode\": \"ZZZ\", \"name\": \"A\", \"schoolUrns\": [\"600001\"]}");
        assertEquals(422, unknownOwner.status(), unknownOwner.toString());
        assertEquals("UNKNOWN_ORGANISATION", unknownOwner.json().get("code"));
        assertEquals(404, members("defined", nurse()).status(), "nothing half-applied");

        assertEquals(201, api().put("/api/v1/cohorts/defined", Tokens.admin(), good).status());
        Api.Response again = api().put("/api/v1/cohorts/defined", Tokens.admin(), good);
        assertEquals(200, again.status());
        assertEquals(List.of("600001"), again.json().get("schoolUrns"));
    }

    @Test
    void readsAreSilentButAudited() {
        String seen = child(701);
        plan("702", seen, "CPP", "Silent", "\"schoolUrn\": \"700001\"");
        cohort("silent", "\"schoolUrns\": [\"700001\"]");
        assertEquals(Set.of(seen), membership("silent").keySet());
        api().get("/api/v1/cohorts/silent/changes", nurse());

        assertEquals(List.of(), api().get("/api/v1/notifications", Tokens.la("702")).items(), "no ASN from a cohort read");
        List<String> actions = api().get("/api/v1/audit?nhsNumber=" + seen, Tokens.auditor()).items().stream()
                .map(entry -> (String) entry.get("action")).toList();
        assertTrue(actions.contains("COHORT_MEMBERS_READ:silent"), actions.toString());
        assertTrue(actions.contains("COHORT_CHANGES_READ:silent"), actions.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void changesArePushedToTheOwnersMailboxOnce() throws IOException {
        String pushed = child(801);
        plan("706", pushed, "CPP", "Pushed", "\"schoolUrn\": \"800001\"");
        cohort("pushed", "\"schoolUrns\": [\"800001\"]");
        MeshClient owner = new MeshClient(() -> server.getURI(), new MeshCredentials(OWNER_MAILBOX, "secret-" + OWNER, "TestKey"),
                Clock.systemUTC(), RetryPolicy.standard());

        Map<String, Object> joined = collect(owner, "pushed");
        assertEquals(Set.of(pushed), nhsNumbers((List<Map<String, Object>>) joined.get("joined")));
        assertEquals(List.of(), joined.get("left"));

        assertEquals(204, api().delete("/api/v1/plans/" + pushed + "/CPP", Tokens.la("706")).status());
        Map<String, Object> left = collect(owner, "pushed");
        assertEquals(List.of(), left.get("joined"));
        assertEquals(Set.of(pushed), nhsNumbers((List<Map<String, Object>>) left.get("left")));
        assertTrue(Long.parseLong((String) left.get("cursor")) > Long.parseLong((String) joined.get("cursor")));
        assertTrue(api().get("/api/v1/audit?nhsNumber=" + pushed, Tokens.auditor()).items().stream()
                .anyMatch(entry -> "COHORT_PUSH:pushed".equals(entry.get("action"))));
    }

    private static Set<String> nhsNumbers(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> (String) e.get("nhsNumber")).collect(Collectors.toSet());
    }

    /** The next CPIS_COHORT message of the cohort in the owner's mailbox, acknowledged. */
    private static Map<String, Object> collect(MeshClient mailbox, String cohortId) throws IOException {
        return LaMailbox.collect(mailbox, "CPIS_COHORT", body -> cohortId.equals(body.get("cohortId")));
    }
}
