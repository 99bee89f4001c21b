package org.opencpis.bootstrap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;

/**
 * CONTRACT §8 over HTTP: a local authority's inbox of Access to Service Notifications and their
 * bulk acknowledgement. Notifications are made the real way, by unscheduled FHIR queries.
 *
 * <p>Each test owns its NHS number and local authorities, so they do not see each other's notifications.
 */
class NotificationApiIT extends ApiTestBase {
    private static final String INBOX = "/api/v1/notifications";
    private static final String ACKNOWLEDGEMENTS = "/api/v1/notifications/acknowledgements";
    private static final Set<String> ITEM_FIELDS =
            Set.of("notificationId", "nhsNumber", "planType", "accessedAt", "accessedBy", "organisation");

    @BeforeAll
    void registerOrganisations() {
        for (String la : List.of("706", "707", "711", "712", "713")) {
            registerLa(la, "Test Borough " + la);
        }
        Api.Response trust = api().put("/api/v1/organisations/RXX", Tokens.admin(),
                "{\"name\": \"Example Hospital NHS Trust\", \"type\": \"NHS_ORGANISATION\"}");
        assertTrue(trust.status() == 201 || trust.status() == 200, trust.toString());
    }

    @Test
    void theInboxListsTheLasNotificationsOldestFirstWithTheMeshMessageFields() {
        plan("711", "9990001006", "CPP", "Smith", "Alice", "2015-03-01");
        List<String> tokens = new ArrayList<>();
        Instant before = Instant.now();
        for (String org : List.of("RXX", "R1A", "R1B")) {
            String token = Fhir.staff("clinician-" + org, org, "B0107");
            tokens.add(token);
            unscheduledQuery("9990001006", token);
        }
        Instant after = Instant.now();

        Api.Response first = api().get(INBOX + "?acknowledged=false&size=2", Tokens.la("711"));
        assertEquals(200, first.status(), first.toString());
        assertTrue(first.header("Content-Type").startsWith("application/json"));
        List<Map<String, Object>> items = new ArrayList<>(first.items());
        assertEquals(2, items.size());
        String next = (String) first.json().get("nextPage");
        assertNotNull(next);
        Api.Response second = api().get(next, Tokens.la("711"));
        assertEquals(200, second.status(), second.toString());
        assertEquals(1, second.items().size());
        assertNull(second.json().get("nextPage"));
        items.addAll(second.items());

        assertEquals(List.of("RXX", "R1A", "R1B"), items.stream().map(item -> organisation(item).get("odsCode")).toList(),
                "oldest access first");
        Instant previous = Instant.MIN;
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            assertEquals(ITEM_FIELDS, item.keySet());
            UUID.fromString((String) item.get("notificationId"));
            assertEquals("9990001006", item.get("nhsNumber"));
            assertEquals("CPP", item.get("planType"));
            Instant accessedAt = Instant.parse((String) item.get("accessedAt"));
            assertFalse(accessedAt.isBefore(before.minusSeconds(1)) || accessedAt.isAfter(after.plusSeconds(1)));
            assertFalse(accessedAt.isBefore(previous), "oldest first");
            previous = accessedAt;
            @SuppressWarnings("unchecked")
            Map<String, Object> accessedBy = (Map<String, Object>) item.get("accessedBy");
            assertEquals(Set.of("userId", "roleProfileId", "roleCode"), accessedBy.keySet());
            String org = (String) organisation(item).get("odsCode");
            assertEquals("clinician-" + org, accessedBy.get("userId"));
            assertEquals(Fhir.roleProfileId(tokens.get(i)), accessedBy.get("roleProfileId"));
            assertEquals(Fhir.ROLE_CODE, accessedBy.get("roleCode"));
            assertEquals(Set.of("odsCode", "name"), organisation(item).keySet());
        }
        assertEquals("Example Hospital NHS Trust", organisation(items.get(0)).get("name"));
        assertNull(organisation(items.get(1)).get("name"), "R1A is not a registered organisation");

        assertEquals(items.stream().map(item -> item.get("notificationId")).toList(),
                inbox("711").stream().map(item -> item.get("notificationId")).toList(),
                "acknowledged=false is the default");
    }

    @Test
    void notificationsAreAcknowledgedInBulkAndIdempotently() {
        plan("712", "9990001014", "UCPP", "Jones", "Ben", "2018-07-12");
        for (int i = 0; i < 3; i++) {
            unscheduledQuery("9990001014", Fhir.staff("ed-" + i, "RXX", "B0107"));
        }
        List<String> ids = ids(inbox("712"));
        assertEquals(3, ids.size());

        assertEquals(1, acknowledge("712", List.of(ids.get(0))));
        assertEquals(ids.subList(1, 3), ids(inbox("712")), "the acknowledged one is no longer listed");

        assertEquals(2, acknowledge("712", List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(2))),
                "already acknowledged and repeated ids are not counted again");
        assertEquals(List.of(), inbox("712"));
        assertEquals(0, acknowledge("712", ids), "a second acknowledgement changes nothing");
        assertEquals(0, acknowledge("712", List.of(UUID.randomUUID().toString())), "an unknown id is not counted");

        unscheduledQuery("9990001014", Fhir.staff("ed-9", "RXX", "B0107"));
        assertEquals(1, inbox("712").size(), "a new access is a new notification");
    }

    @Test
    void anLaSeesAndAcknowledgesOnlyItsOwnNotifications() {
        plan("706", "9990001022", "CPP", "Davies", "Carla", "1990-01-20");
        plan("707", "9990001073", "LAC", "Lee", "Dan", "2017-05-05");
        unscheduledQuery("9990001022", Fhir.staff("ed-1", "RXX", "B0107"));
        unscheduledQuery("9990001022", Fhir.staff("ed-2", "RXX", "B0107"));
        unscheduledQuery("9990001073", Fhir.staff("ed-1", "RXX", "B0107"));

        List<Map<String, Object>> islington = inbox("706");
        List<Map<String, Object>> camden = inbox("707");
        assertEquals(List.of("9990001022", "9990001022"), islington.stream().map(n -> n.get("nhsNumber")).toList());
        assertEquals(List.of("9990001073"), camden.stream().map(n -> n.get("nhsNumber")).toList());
        assertEquals(List.of("LAC"), camden.stream().map(n -> n.get("planType")).toList());

        assertEquals(0, acknowledge("707", ids(islington)), "another LA's notifications cannot be acknowledged");
        assertEquals(ids(islington), ids(inbox("706")), "and their LA still sees them");
        assertEquals(1, acknowledge("707", List.of(ids(islington).get(0), ids(camden).get(0))));
        assertEquals(List.of(), inbox("707"));
        assertEquals(2, inbox("706").size());
        assertEquals(List.of(), inbox("713"), "an LA with no records has an empty inbox");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "acknowledged=true|?acknowledged=true|INVALID_FIELD",
            "acknowledged=yes|?acknowledged=yes|INVALID_FIELD",
            "acknowledged empty|?acknowledged=|INVALID_FIELD",
            "negative page|?page=-1|INVALID_PAGE",
            "size 0|?size=0|INVALID_PAGE",
            "size too big|?size=501|INVALID_PAGE",
            "size not a number|?size=ten|INVALID_PAGE",
    })
    void badListParametersAre400(String name, String query, String code) {
        assertProblem(api().get(INBOX + query, Tokens.la("706")), 400, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no ids|{}|MISSING_FIELD",
            "null ids|{\"ids\": null}|MISSING_FIELD",
            "empty ids|{\"ids\": []}|INVALID_IDS",
            "not a UUID|{\"ids\": [\"not-a-uuid\"]}|INVALID_NOTIFICATION_ID",
            "one bad among good|{\"ids\": [\"6f1c2a58-5d1e-4a7e-9b53-0c1f0c5b1b11\", \"12345\"]}|INVALID_NOTIFICATION_ID",
            "null id|{\"ids\": [null]}|INVALID_NOTIFICATION_ID",
            "ids not a list|{\"ids\": \"6f1c2a58-5d1e-4a7e-9b53-0c1f0c5b1b11\"}|MALFORMED_REQUEST",
            "malformed JSON|{\"ids\": [|MALFORMED_REQUEST",
    })
    void badAcknowledgementsAre400(String name, String body, String code) {
        assertProblem(api().post(ACKNOWLEDGEMENTS, Tokens.la("706"), body), 400, code);
    }

    @Test
    void moreThan1000IdsAre400ButExactly1000AreAccepted() {
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(","));
        assertProblem(api().post(ACKNOWLEDGEMENTS, Tokens.la("706"), "{\"ids\": [" + tooMany + "]}"), 400, "INVALID_IDS");
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(","));
        Api.Response accepted = api().post(ACKNOWLEDGEMENTS, Tokens.la("713"), "{\"ids\": [" + thousand + "]}");
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals(0, ((Number) accepted.json().get("acknowledged")).intValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "expired", "wrong key", "alg none", "no exp", "garbage"})
    void badTokensAre401OnEveryEndpoint(String kind) {
        String token = switch (kind) {
            case "none" -> null;
            case "expired" -> Tokens.expiredLa("706");
            case "wrong key" -> Tokens.wrongKeyLa("706");
            case "alg none" -> Tokens.unsignedLa("706");
            case "no exp" -> Tokens.noExpiryLa("706");
            default -> "not.a.jwt";
        };
        for (Api.Response response : List.of(api().get(INBOX, token),
                api().post(ACKNOWLEDGEMENTS, token, "{\"ids\": [\"" + UUID.randomUUID() + "\"]}"))) {
            assertProblem(response, 401, "UNAUTHENTICATED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ADMIN", "AUDITOR", "B0107", "B0170", "staff without activity"})
    void otherRolesAre403OnEveryEndpoint(String kind) {
        String token = switch (kind) {
            case "ADMIN" -> Tokens.admin();
            case "AUDITOR" -> Tokens.auditor();
            case "B0107", "B0170" -> Tokens.staff("RXX", kind);
            default -> Tokens.staff("RXX");
        };
        for (Api.Response response : List.of(api().get(INBOX + "?acknowledged=false", token),
                api().post(ACKNOWLEDGEMENTS, token, "{\"ids\": [\"" + UUID.randomUUID() + "\"]}"))) {
            assertProblem(response, 403, "FORBIDDEN");
        }
    }

    private void unscheduledQuery(String nhsNumber, String staffToken) {
        Bundle found = Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(nhsNumber), staffToken));
        assertTrue(found.getTotal() > 0, "the query must find the record to notify its LA");
    }

    private List<Map<String, Object>> inbox(String la) {
        Api.Response response = api().get(INBOX + "?size=500", Tokens.la(la));
        assertEquals(200, response.status(), response.toString());
        assertNull(response.json().get("nextPage"));
        return response.items();
    }

    private int acknowledge(String la, List<String> ids) {
        String body = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\": [", "]}"));
        Api.Response response = api().post(ACKNOWLEDGEMENTS, Tokens.la(la), body);
        assertEquals(200, response.status(), response.toString());
        assertEquals(Set.of("acknowledged"), response.json().keySet());
        return ((Number) response.json().get("acknowledged")).intValue();
    }

    private static List<String> ids(List<Map<String, Object>> notifications) {
        return notifications.stream().map(n -> (String) n.get("notificationId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> organisation(Map<String, Object> notification) {
        return (Map<String, Object>) notification.get("organisation");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertEquals("application/problem+json", response.header("Content-Type"), response.toString());
        assertEquals(code, response.json().get("code"), response.toString());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    private void plan(String la, String nhsNumber, String planType, String familyName, String givenName, String birth) {
        Api.Response response = api().put("/api/v1/plans/" + nhsNumber + "/" + planType, Tokens.la(la), """
                {"startDate": "2024-01-01", "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "%s"%s}"""
                .formatted(familyName, givenName, birth, planType.equals("LAC") ? ", \"lacLegalStatus\": \"S31\"" : ""));
        assertEquals(201, response.status(), response.toString());
    }
}
