package org.opencpis.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;
import org.slf4j.LoggerFactory;

/**
 * H-08: the whole log of a run — from the start of the application context, at the configured
 * levels — while the API is used with tokens of every kind, an organisation is registered with a
 * MESH mailbox password, children's records are stored, rejected and queried, files are uploaded
 * and requests fail in every way (including a NUL character that once reached the database as a
 * 500): no line, exception or
 * MDC value holds a token or its signature, the token secret, the mailbox password, a child's
 * family name or date of birth, or an NHS number.
 */
class LogHygieneIT extends ApiTestBase {
    /** Attached before the application context starts (class initialisation), so start-up is captured too. */
    private static final ListAppender<ILoggingEvent> LOG = capture();

    private static final String LA = "891";
    private static final String TRUST = "R1L";
    private static final String MAILBOX_PASSWORD = "mesh-Pw-7c1e9f4b2a";
    private static final String UNKNOWN_FAMILY = "Quintrell-Zebedee";
    private static final String UNKNOWN_BIRTH = "2011-11-17";
    /** From the PDS fixture: NHS number, family name, given name, date of birth. */
    private static final String[][] CHILDREN = {
            {"9990001006", "Smith", "Alice", "2015-03-01"},
            {"9990001014", "Jones", "Ben", "2018-07-12"},
            {"9990001022", "Davies", "Carla", "1990-01-20"},
            {"9990001073", "Lee", "Dan", "2017-05-05"}};
    private static final String UNKNOWN_CHILD = "9990000018";

    private final Set<String> tokens = new LinkedHashSet<>();

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setName("log-hygiene");
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("opencpis.uploads.processing.interval", "200ms");
        properties.put("opencpis.uploads.processing.initial-delay", "200ms");
        properties.put("opencpis.relay.interval", "200ms");
        return properties;
    }

    @AfterAll
    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        LOG.stop();
    }

    @Test
    void noSecretTokenPasswordOrChildDataReachesTheLog() {
        exerciseTheApi();

        List<String> lines = lines();
        assertTrue(lines.size() > 10, "the log was captured: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("PDS stub in use")), "start-up lines were captured");

        Set<String> forbidden = new LinkedHashSet<>();
        forbidden.add(Tokens.SECRET);
        forbidden.add(MAILBOX_PASSWORD);
        for (String token : tokens) {
            forbidden.add(token);
            forbidden.add(token.substring(token.lastIndexOf('.') + 1).isEmpty() ? token : token.substring(token.lastIndexOf('.') + 1));
            forbidden.add(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.')));
        }
        for (String[] child : CHILDREN) {
            forbidden.add(child[0]);
            forbidden.add(child[1]);
            forbidden.add(child[3]);
        }
        forbidden.add(UNKNOWN_CHILD);
        forbidden.add(UNKNOWN_FAMILY);
        forbidden.add(UNKNOWN_BIRTH);
        forbidden.add("Smyth");

        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String secret : forbidden) {
                if (!secret.isEmpty() && line.contains(secret)) {
                    leaks.add("'" + abbreviated(secret) + "' in: " + abbreviated(line));
                }
            }
        }
        assertEquals(List.of(), leaks, lines.size() + " log lines checked");
    }

    private void exerciseTheApi() {
        String admin = remember(Tokens.admin());
        String la = remember(Tokens.la(LA));
        String auditor = remember(Tokens.auditor());
        String b0107 = remember(Fhir.staff("hygiene-b0107", TRUST, "B0107"));
        String b0170 = remember(Fhir.staff("hygiene-b0170", TRUST, "B0170"));
        for (String bad : List.of(Tokens.expiredLa(LA), Tokens.wrongKeyLa(LA), Tokens.unsignedLa(LA), Tokens.noExpiryLa(LA),
                Fhir.expiredStaff(TRUST), Fhir.wrongKeyStaff(TRUST), Fhir.unsignedStaff(TRUST))) {
            remember(bad);
            api().get("/api/v1/plans", bad);
            api().put("/api/v1/plans/" + CHILDREN[0][0] + "/CPP", bad, planBody(CHILDREN[0], ""));
            Fhir.get(api(), Fhir.careTeamSearch(CHILDREN[0][0]), bad);
        }

        assertEquals(201, api().put("/api/v1/organisations/" + LA, admin, """
                {"name": "Hygiene Borough", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992",
                 "meshMailboxId": "LA891MB", "meshMailboxPassword": "%s"}""".formatted(MAILBOX_PASSWORD)).status());
        api().put("/api/v1/organisations/" + TRUST, admin, "{\"name\": \"Hygiene Trust\", \"type\": \"NHS_ORGANISATION\", "
                + "\"meshMailboxPassword\": \"" + MAILBOX_PASSWORD + "\", \"meshMailboxId\": \"" + MAILBOX_PASSWORD + "\"}");
        api().put("/api/v1/organisations/" + TRUST, admin, "{\"name\": \"Hygiene Trust\", \"type\": \"NHS_ORGANISATION\"}");
        api().put("/api/v1/organisations/" + TRUST, admin, "{\"name\": \"Hygiene Trust\", \"meshMailboxPassword\": \""
                + MAILBOX_PASSWORD + "\", \"type\": ");
        api().get("/api/v1/organisations/" + LA, b0170);

        for (String[] child : CHILDREN) {
            assertEquals(201, api().put("/api/v1/plans/" + child[0] + "/CPP", la, planBody(child, "")).status());
            api().put("/api/v1/plans/" + child[0] + "/CPP", la, planBody(child, ", \"endDate\": \"2024-12-31\""));
            api().get("/api/v1/plans/" + child[0] + "/CPP", la);
        }
        String[] unknown = {UNKNOWN_CHILD, UNKNOWN_FAMILY, "Zed", UNKNOWN_BIRTH};
        assertEquals(422, api().put("/api/v1/plans/" + UNKNOWN_CHILD + "/UCPP", la, planBody(unknown, "")).status());
        assertEquals(422, api().put("/api/v1/plans/" + CHILDREN[0][0] + "/LAC", la,
                planBody(new String[] {CHILDREN[0][0], "Smyth", "Alice", CHILDREN[0][3]}, ", \"lacLegalStatus\": \"S20\"")).status());
        api().put("/api/v1/plans/" + CHILDREN[1][0] + "/CPP", la, "{\"familyName\": \"" + CHILDREN[1][1] + "\", \"dateOfBirth\": \""
                + CHILDREN[1][3] + "\", \"startDate\": ");
        api().put("/api/v1/plans/" + CHILDREN[1][0] + "/CPP", la, planBody(CHILDREN[1], ", \"postcode\": \"" + UNKNOWN_FAMILY + "\""));
        api().put("/api/v1/plans/" + CHILDREN[1][0] + "/CPP", la, planBody(CHILDREN[1], "").replace(CHILDREN[1][1],
                CHILDREN[1][1] + "x".repeat(300_000)));
        Api.Response nul = api().put("/api/v1/plans/" + CHILDREN[2][0] + "/LAC", la,
                planBody(CHILDREN[2], ", \"lacLegalStatus\": \"S20\", \"localId\": \"" + CHILDREN[2][1] + "\\u0000\""));
        assertEquals(400, nul.status(), nul.toString());
        api().delete("/api/v1/plans/" + CHILDREN[3][0] + "/CPP", la);
        api().get("/api/v1/plans?status=ENDED", la);

        for (String token : List.of(b0107, b0170)) {
            for (String[] child : CHILDREN) {
                Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(child[0]), token));
                Fhir.get(api(), Fhir.auditEventSearch(child[0]), token);
            }
            Fhir.get(api(), Fhir.careTeamSearch(UNKNOWN_CHILD), token);
            Fhir.get(api(), "/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + UNKNOWN_BIRTH, token);
        }
        api().get("/api/v1/notifications?size=500", la);
        api().get("/api/v1/audit?nhsNumber=" + CHILDREN[0][0], auditor);
        api().get("/api/v1/audit/verification", auditor);

        String json = "{\"sequenceNumber\": 7, \"records\": [" + uploadRecord(CHILDREN[0], "LAC", ", \"lacLegalStatus\": \"S31\"")
                + ", " + uploadRecord(unknown, "CPP", "") + ", {\"nhsNumber\": \"" + CHILDREN[1][0] + "\", \"familyName\": 42}]}";
        String csv = "nhsNumber,planType,startDate,familyName,givenNames,dateOfBirth\n"
                + CHILDREN[3][0] + ",UCPP,2024-01-10," + CHILDREN[3][1] + "," + CHILDREN[3][2] + "," + CHILDREN[3][3] + "\n"
                + UNKNOWN_CHILD + ",CPP,2024-01-10," + UNKNOWN_FAMILY + ",Zed," + UNKNOWN_BIRTH + "\n";
        waitForAcknowledgement(api().post("/api/v1/uploads", la, json), la);
        waitForAcknowledgement(api().send("POST", "/api/v1/uploads?sequenceNumber=8", la, csv, Map.of("Content-Type", "text/csv")), la);
        api().send("POST", "/api/v1/uploads", la, "not a file " + UNKNOWN_FAMILY + " " + UNKNOWN_BIRTH,
                Map.of("Content-Type", "application/json"));
    }

    private void waitForAcknowledgement(Api.Response accepted, String token) {
        assertEquals(202, accepted.status(), accepted.toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (api().get(accepted.header("Location"), token).status() == 202 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String remember(String token) {
        tokens.add(token);
        return token;
    }

    /** Every event as text: logger, level, message, MDC, and each exception in the chain with its message and frames. */
    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(LOG.list)) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel()).append(' ')
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
            for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
                line.append(" | ").append(error.getClassName()).append(": ").append(error.getMessage());
                for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
                    line.append(' ').append(frame.getSTEAsString());
                }
                for (IThrowableProxy suppressed : error.getSuppressed()) {
                    line.append(" | suppressed ").append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String planBody(String[] child, String extra) {
        return """
                {"startDate": "2024-01-10", "familyName": "%s", "givenNames": ["%s"], "dateOfBirth": "%s"%s}"""
                .formatted(child[1], child[2], child[3], extra);
    }

    private static String uploadRecord(String[] child, String planType, String extra) {
        return """
                {"nhsNumber": "%s", "planType": "%s", "startDate": "2024-01-10", "familyName": "%s", "givenNames": ["%s"],
                 "dateOfBirth": "%s"%s}""".formatted(child[0], planType, child[1], child[2], child[3], extra);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
