package org.opencpis.adapters.spine.pds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.slf4j.LoggerFactory;

/** How the PDS FHIR adapter behaves when PDS is slow, throttling, failing or down, and what it sends. */
class PdsFhirFailuresTest {
    private static final NhsNumber NUMBER = new NhsNumber("9990000018");
    private static final Subject AMY = new Subject("Quillfeather", List.of("Amy", "Jane"), LocalDate.of(2015, 6, 30));
    private static final Placement PLACED = new Placement(new OdsCode("Y01234"), Postcode.of("LS1 6AE"));
    private static final String TOKEN = "secret-access-token-value";

    private final FakePdsServer pds = new FakePdsServer();
    private final List<Duration> waits = new ArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger packageLogger = (Logger) LoggerFactory.getLogger("org.opencpis.adapters.spine.pds.fhir");

    PdsFhirFailuresTest() {
        log.start();
        packageLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        packageLogger.detachAppender(log);
        pds.close();
    }

    private PdsFhirDemographics adapter(URI base, Duration readTimeout, int attempts, int breakerThreshold) {
        PdsFhirSettings settings = new PdsFhirSettings(base, Duration.ofSeconds(2), readTimeout, attempts, Duration.ofMillis(500),
                Duration.ofSeconds(10), breakerThreshold, Duration.ofSeconds(30));
        return PdsFhirFactory.create(settings, () -> TOKEN, JsonMapper.createDefault(), waits::add, clock);
    }

    private PdsFhirDemographics adapter() {
        return adapter(pds.baseUrl(), Duration.ofSeconds(2), 3, 5);
    }

    private void amyInPds() {
        pds.patient(NUMBER.value(), PdsJson.patient(NUMBER.value(), AMY, PLACED, "U"));
    }

    @Test
    void asksForThePatientWithTheHeadersPdsRequires() {
        amyInPds();

        Verification verification = adapter().verify(NUMBER, AMY);

        assertEquals(RecordOutcome.CPR06, verification.outcome());
        assertEquals(PLACED, verification.placement(), "GP practice and home postcode, not the temporary address");
        FakePdsServer.Request request = pds.requests().get(0);
        assertEquals("/FHIR/R4/Patient/9990000018", request.path());
        assertEquals("Bearer " + TOKEN, request.header("Authorization"));
        assertEquals(UUID.fromString(request.header("X-Request-ID")).toString(), request.header("X-Request-ID"));
        UUID.fromString(request.header("X-Correlation-ID"));
        assertEquals("application/fhir+json", request.header("Accept"));
    }

    @Test
    void eachRequestHasItsOwnRequestId() {
        amyInPds();
        PdsFhirDemographics adapter = adapter();

        adapter.verify(NUMBER, AMY);
        adapter.verify(NUMBER, AMY);

        assertNotEquals(pds.requests().get(0).header("X-Request-ID"), pds.requests().get(1).header("X-Request-ID"));
    }

    @Test
    void a503IsRetriedAfterABackOff() {
        amyInPds();
        pds.thenAnswer(503);

        Verification verification = adapter().verify(NUMBER, AMY);

        assertEquals(RecordOutcome.CPR06, verification.outcome());
        assertEquals(2, pds.requests().size());
        assertEquals(List.of(Duration.ofMillis(500)), waits);
        FakePdsServer.Request first = pds.requests().get(0);
        FakePdsServer.Request retry = pds.requests().get(1);
        assertNotEquals(first.header("X-Request-ID"), retry.header("X-Request-ID"));
        assertEquals(first.header("X-Correlation-ID"), retry.header("X-Correlation-ID"), "one correlation id per verification");
    }

    @Test
    void theBackOffDoublesAndTheAttemptsAreBounded() {
        pds.alwaysAnswer(FakePdsServer.Answer.of(503, ""));

        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));

        assertEquals(3, pds.requests().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), waits);
    }

    @Test
    void a429WaitsAsLongAsRetryAfterSays() {
        amyInPds();
        pds.thenAnswer(new FakePdsServer.Answer(429, Map.of("Retry-After", "2"), PdsJson.outcome("TOO_MANY_REQUESTS"), Duration.ZERO));

        assertEquals(RecordOutcome.CPR06, adapter().verify(NUMBER, AMY).outcome());

        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void aRetryAfterLongerThanTheLimitGivesUpAtOnce() {
        amyInPds();
        pds.thenAnswer(new FakePdsServer.Answer(429, Map.of("Retry-After", "3600"), PdsJson.outcome("TOO_MANY_REQUESTS"), Duration.ZERO));

        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));

        assertEquals(1, pds.requests().size());
        assertEquals(List.of(), waits);
    }

    @Test
    void aSlowPdsTimesOutAndIsUnavailable() {
        amyInPds();
        pds.alwaysAnswer(new FakePdsServer.Answer(200, Map.of(), PdsJson.patient(NUMBER.value(), AMY, PLACED, "U"),
                Duration.ofSeconds(3)));

        long started = System.nanoTime();
        assertThrows(DemographicsUnavailable.class,
                () -> adapter(pds.baseUrl(), Duration.ofMillis(300), 2, 5).verify(NUMBER, AMY));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0, "did not wait for the answer");
        assertEquals(2, pds.requests().size(), "a timeout is retried");
    }

    @Test
    void aPdsThatIsDownIsUnavailable() throws IOException {
        URI nobodyListening;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListening = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/FHIR/R4");
        }

        assertThrows(DemographicsUnavailable.class,
                () -> adapter(nobodyListening, Duration.ofSeconds(1), 2, 5).verify(NUMBER, AMY));
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndRefusesAtOnce() {
        pds.alwaysAnswer(FakePdsServer.Answer.of(503, ""));
        PdsFhirDemographics adapter = adapter(pds.baseUrl(), Duration.ofSeconds(2), 1, 2);

        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));
        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));
        assertEquals("OPEN", adapter.breakerState());
        DemographicsUnavailable refused = assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));

        assertEquals(2, pds.requests().size(), "an open breaker does not ask PDS");
        assertTrue(refused.getMessage().contains("circuit breaker open"));
    }

    @Test
    void afterTheCoolDownOneTrialCloseTheBreakerWhenPdsIsBack() {
        pds.alwaysAnswer(FakePdsServer.Answer.of(503, ""));
        PdsFhirDemographics adapter = adapter(pds.baseUrl(), Duration.ofSeconds(2), 1, 2);
        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));
        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));

        clock.advance(Duration.ofSeconds(29));
        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));
        assertEquals(2, pds.requests().size(), "still open during the cool-down");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("HALF_OPEN", adapter.breakerState());
        pds.alwaysAnswer(null);
        amyInPds();
        assertEquals(RecordOutcome.CPR06, adapter.verify(NUMBER, AMY).outcome());
        assertEquals("CLOSED", adapter.breakerState());
        assertEquals(RecordOutcome.CPR06, adapter.verify(NUMBER, AMY).outcome());
    }

    @Test
    void aFailedTrialOpensTheBreakerForAnotherCoolDown() {
        pds.alwaysAnswer(FakePdsServer.Answer.of(503, ""));
        PdsFhirDemographics adapter = adapter(pds.baseUrl(), Duration.ofSeconds(2), 1, 2);
        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));
        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));
        clock.advance(Duration.ofSeconds(30));

        assertThrows(DemographicsUnavailable.class, () -> adapter.verify(NUMBER, AMY));

        assertEquals(3, pds.requests().size(), "one trial went through");
        assertEquals("OPEN", adapter.breakerState());
    }

    @Test
    void aVerdictOfPdsKeepsTheBreakerClosed() {
        PdsFhirDemographics adapter = adapter(pds.baseUrl(), Duration.ofSeconds(2), 1, 2);

        for (int i = 0; i < 3; i++) {
            assertEquals(RecordOutcome.CPR01, adapter.verify(NUMBER, AMY).outcome());
        }
        assertEquals("CLOSED", adapter.breakerState());
    }

    @Test
    void aRestrictedRecordIsNeverPlacedEvenIfPdsSendsAnAddress() {
        String restricted = PdsJson.patient(NUMBER.value(), AMY, PLACED, "U").replace("\"code\": \"U\"", "\"code\": \"R\"");
        pds.patient(NUMBER.value(), restricted);

        Verification verification = adapter().verify(NUMBER, AMY);

        assertEquals(RecordOutcome.CPR02, verification.outcome());
        assertEquals(Placement.NONE, verification.placement());
    }

    @Test
    void aSupersededRestrictedRecordNamesTheNewNumberButNotWhereThePersonLives() {
        NhsNumber replacement = new NhsNumber("9990000042");
        pds.patient(NUMBER.value(), PdsJson.patient(replacement.value(), AMY, PLACED, "U").replace("\"code\": \"U\"", "\"code\": \"R\""));

        Verification verification = adapter().verify(NUMBER, AMY);

        assertEquals(RecordOutcome.CPR05, verification.outcome());
        assertEquals(replacement, verification.supersededBy());
        assertEquals(Placement.NONE, verification.placement());
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        amyInPds();
        String inThreeSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(3).atZone(java.time.ZoneOffset.UTC));
        pds.thenAnswer(new FakePdsServer.Answer(503, Map.of("Retry-After", inThreeSeconds), "", Duration.ZERO));

        assertEquals(RecordOutcome.CPR06, adapter().verify(NUMBER, AMY).outcome());

        assertEquals(List.of(Duration.ofSeconds(3)), waits);
    }

    @Test
    void anInvalidatedRecordHasNoMatch() {
        pds.thenAnswer(FakePdsServer.Answer.of(404, PdsJson.outcome("INVALIDATED_RESOURCE")));

        assertEquals(RecordOutcome.CPR01, adapter().verify(NUMBER, AMY).outcome());
    }

    @Test
    void otherRefusalsOfPdsAreCpr07WithTheSpineCode() {
        pds.thenAnswer(FakePdsServer.Answer.of(400, PdsJson.outcome("INVALID_VALUE")));

        Verification verification = adapter().verify(NUMBER, AMY);

        assertEquals(RecordOutcome.CPR07, verification.outcome());
        assertTrue(verification.detail().contains("INVALID_VALUE"));
    }

    @Test
    void rejectedCredentialsAreUnavailabilityNotAVerdict() {
        pds.thenAnswer(FakePdsServer.Answer.of(401, PdsJson.outcome("ACCESS_DENIED")));
        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));

        pds.thenAnswer(FakePdsServer.Answer.of(403, PdsJson.outcome("ACCESS_DENIED")));
        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));
    }

    @Test
    void a404WithoutASpineCodeIsNotTakenAsNoMatch() {
        pds.thenAnswer(FakePdsServer.Answer.of(404, "<html>Not Found</html>"));

        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));
    }

    @Test
    void aMalformedAnswerIsUnavailable() {
        pds.thenAnswer(FakePdsServer.Answer.of(200, "{not json"));
        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));

        pds.thenAnswer(FakePdsServer.Answer.of(200, "{\"resourceType\": \"Bundle\"}"));
        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));

        pds.thenAnswer(FakePdsServer.Answer.of(200, PdsJson.patient("1234567890", AMY, PLACED, "U")));
        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY), "an id that is not an NHS number");
    }

    @Test
    void aRecordWithoutADateOfBirthCannotVerify() {
        pds.patient(NUMBER.value(), PdsJson.patient(NUMBER.value(), AMY, PLACED, "U").replace(", \"birthDate\": \"2015-06-30\"", ""));

        Verification verification = adapter().verify(NUMBER, AMY);

        assertEquals(RecordOutcome.CPR03, verification.outcome());
    }

    @Test
    void theUsualNameIsCompared() {
        amyInPds();

        Verification formerName = adapter().verify(NUMBER, new Subject("Formername", List.of("Olde"), AMY.dateOfBirth()));

        assertEquals(RecordOutcome.CPR03, formerName.outcome());
    }

    @Test
    void logsCarryNoNhsNumberNameDateOfBirthOrToken() {
        pds.thenAnswer(503).thenAnswer(new FakePdsServer.Answer(429, Map.of("Retry-After", "1"), "", Duration.ZERO));
        amyInPds();
        adapter().verify(NUMBER, AMY);
        pds.alwaysAnswer(FakePdsServer.Answer.of(503, ""));
        assertThrows(DemographicsUnavailable.class, () -> adapter().verify(NUMBER, AMY));

        assertFalse(log.list.isEmpty(), "failures are logged");
        for (ILoggingEvent event : log.list) {
            String line = event.getFormattedMessage();
            for (String secret : List.of(NUMBER.value(), "Quillfeather", "Amy", "2015-06-30", TOKEN, "LS1")) {
                assertFalse(line.contains(secret), () -> "log line leaks child data or the token: " + line);
            }
        }
    }
}
