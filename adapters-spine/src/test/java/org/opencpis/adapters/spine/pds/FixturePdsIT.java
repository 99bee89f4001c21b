package org.opencpis.adapters.spine.pds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.slf4j.LoggerFactory;

class FixturePdsIT {
    private static final NhsNumber ACTIVE = new NhsNumber("9990000018");
    private static final NhsNumber SENSITIVE = new NhsNumber("9990000026");
    private static final NhsNumber SUPERSEDED = new NhsNumber("9990000034");
    private static final NhsNumber REPLACEMENT = new NhsNumber("9990000042");
    private static final NhsNumber MOTHER = new NhsNumber("9990000050");
    private static final NhsNumber OLD_STYLE = new NhsNumber("9990000069");
    private static final NhsNumber NOT_IN_FIXTURE = new NhsNumber("9990000077");

    private static final String FIXTURE = """
            [
              {"nhsNumber": "9990000018", "familyName": "Fixture", "givenNames": ["Amy", "Jane"],
               "dateOfBirth": "2015-06-30", "status": "ACTIVE", "gpPracticeOdsCode": "Y01234", "postcode": "n11aa"},
              {"nhsNumber": "9990000026", "familyName": "Testcase", "givenNames": ["Ben"],
               "dateOfBirth": "2016-02-29", "status": "SENSITIVE"},
              {"nhsNumber": "9990000034", "familyName": "Example", "givenNames": ["Chloe"],
               "dateOfBirth": "2012-11-05", "status": "SUPERSEDED", "supersededBy": "9990000042"},
              {"nhsNumber": "9990000069", "familyName": "Oldstyle", "givenNames": ["Dan"],
               "dateOfBirth": "2010-01-01", "status": "OLD_STYLE"}
            ]
            """;

    @TempDir
    Path dir;

    private ApplicationContext context;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private static Subject subject(String familyName, String givenName, String born) {
        return new Subject(familyName, List.of(givenName), LocalDate.parse(born));
    }

    private Path fixture(String content) throws IOException {
        Path file = dir.resolve("pds-fixture.json");
        Files.writeString(file, content);
        return file;
    }

    private ApplicationContext start(Map<String, Object> properties) {
        Logger logger = (Logger) LoggerFactory.getLogger(FixturePds.class);
        log.start();
        logger.addAppender(log);
        return ApplicationContext.builder()
                .environmentPropertySource(false)
                .properties(properties)
                .start();
    }

    private Demographics demographics(Map<String, Object> properties) {
        context = start(properties);
        return context.getBean(Demographics.class);
    }

    private Throwable failedStart(Map<String, Object> properties) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> context = start(properties));
        Throwable cause = failure;
        while (cause != null && !(cause instanceof PdsStubConfigurationException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, () -> "no PdsStubConfigurationException behind " + failure);
        return cause;
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(FixturePds.class)).detachAppender(log);
        if (context != null) {
            context.close();
        }
    }

    @Nested
    class WithAFixture {

        private Demographics pds() throws IOException {
            return demographics(Map.of("opencpis.pds.fixture", fixture(FIXTURE).toString()));
        }

        @Test
        void theStubIsTheDemographicsBean() throws IOException {
            assertInstanceOf(FixturePds.class, pds());
        }

        @Test
        void answersEachOutcomeFromTheFixture() throws IOException {
            Demographics pds = pds();
            assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("FIXTURE", "jane", "2015-06-30")).outcome());
            assertEquals(RecordOutcome.CPR03, pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-07-01")).outcome());
            assertEquals(RecordOutcome.CPR02, pds.verify(SENSITIVE, subject("Testcase", "Ben", "2016-02-29")).outcome());
            Verification superseded = pds.verify(SUPERSEDED, subject("Example", "Chloe", "2012-11-05"));
            assertEquals(RecordOutcome.CPR05, superseded.outcome());
            assertEquals(REPLACEMENT, superseded.supersededBy());
            assertEquals(RecordOutcome.CPR04, pds.verify(OLD_STYLE, subject("Oldstyle", "Dan", "2010-01-01")).outcome());
        }

        @Test
        void numbersNotInTheFixtureMatchByDefault() throws IOException {
            assertEquals(RecordOutcome.CPR06, pds().verify(NOT_IN_FIXTURE, subject("Anyone", "At All", "2001-01-01")).outcome());
        }

        @Test
        void numbersNotInTheFixtureAreCpr01UnderNoMatch() throws IOException {
            Demographics pds = demographics(Map.of(
                    "opencpis.pds.fixture", fixture(FIXTURE).toString(),
                    "opencpis.pds.unknown", "no-match"));
            assertEquals(RecordOutcome.CPR01, pds.verify(NOT_IN_FIXTURE, subject("Anyone", "At All", "2001-01-01")).outcome());
            assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-06-30")).outcome());
        }

        @Test
        void answersWithThePlacementPdsHolds() throws IOException {
            Demographics pds = pds();
            Placement placement = pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-06-30")).placement();
            assertEquals(new OdsCode("Y01234"), placement.gpPractice());
            assertEquals(Postcode.of("N1 1AA"), placement.postcode());
            assertEquals(Placement.NONE, pds.verify(SENSITIVE, subject("Testcase", "Ben", "2016-02-29")).placement());
            assertEquals(Placement.NONE, pds.verify(NOT_IN_FIXTURE, subject("Fixture", "Amy", "2015-06-30")).placement());
        }

        @Test
        void logsOneStartUpLineWithoutChildData() throws IOException {
            Path file = fixture(FIXTURE);
            demographics(Map.of("opencpis.pds.fixture", file.toString()));
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, lines.size(), lines::toString);
            String line = lines.get(0);
            assertTrue(line.startsWith("PDS stub in use (fixture: " + file), line);
            assertTrue(line.contains("4 entries"), line);
            for (String childData : List.of("Fixture", "Amy", "2015-06-30", "9990000018", "Y01234", "N1 1AA")) {
                assertFalse(line.contains(childData), line);
            }
        }

        @Test
        void nothingIsLoggedWhenAnswering() throws IOException {
            Demographics pds = pds();
            log.list.clear();
            pds.verify(ACTIVE, subject("Smith", "Zoe", "2015-06-30"));
            pds.verify(NOT_IN_FIXTURE, subject("Smith", "Zoe", "2015-06-30"));
            assertTrue(log.list.isEmpty(), () -> log.list.toString());
        }
    }

    @Nested
    class MarkingSuperseded {

        @Test
        void aFixtureNumberKeepsItsDemographics() throws IOException {
            FixturePds pds = (FixturePds) demographics(Map.of("opencpis.pds.fixture", fixture(FIXTURE).toString()));
            pds.markSuperseded(ACTIVE, MOTHER);
            Verification matching = pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-06-30"));
            assertEquals(RecordOutcome.CPR05, matching.outcome());
            assertEquals(MOTHER, matching.supersededBy());
            assertEquals(RecordOutcome.CPR03, pds.verify(ACTIVE, subject("Smith", "Amy", "2015-06-30")).outcome());
            assertEquals(new OdsCode("Y01234"), matching.placement().gpPractice());
        }

        @Test
        void markingAgainPointsAtTheNewReplacement() throws IOException {
            FixturePds pds = (FixturePds) demographics(Map.of("opencpis.pds.fixture", fixture(FIXTURE).toString()));
            pds.markSuperseded(SUPERSEDED, MOTHER);
            assertEquals(MOTHER, pds.verify(SUPERSEDED, subject("Example", "Chloe", "2012-11-05")).supersededBy());
        }

        @Test
        void aNumberNotInTheFixtureBecomesKnownEvenUnderNoMatch() {
            FixturePds pds = (FixturePds) demographics(Map.of("opencpis.pds.unknown", "no-match"));
            assertEquals(RecordOutcome.CPR01, pds.verify(NOT_IN_FIXTURE, subject("Anyone", "Else", "2001-01-01")).outcome());
            pds.markSuperseded(NOT_IN_FIXTURE, REPLACEMENT);
            Verification verification = pds.verify(NOT_IN_FIXTURE, subject("Anyone", "Else", "2001-01-01"));
            assertEquals(RecordOutcome.CPR05, verification.outcome());
            assertEquals(REPLACEMENT, verification.supersededBy());
        }

        @Test
        void refusesNonsense() throws IOException {
            FixturePds pds = (FixturePds) demographics(Map.of("opencpis.pds.fixture", fixture(FIXTURE).toString()));
            assertThrows(IllegalArgumentException.class, () -> pds.markSuperseded(ACTIVE, ACTIVE));
            assertThrows(IllegalStateException.class, () -> pds.markSuperseded(SENSITIVE, REPLACEMENT));
            assertThrows(IllegalStateException.class, () -> pds.markSuperseded(OLD_STYLE, REPLACEMENT));
            assertEquals(RecordOutcome.CPR02, pds.verify(SENSITIVE, subject("Testcase", "Ben", "2016-02-29")).outcome());
        }

        @Test
        void concurrentMarksAreAllKept() throws Exception {
            FixturePds pds = (FixturePds) demographics(Map.of());
            List<NhsNumber> numbers = validNumbers(800);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> marks = new ArrayList<>();
                for (NhsNumber number : numbers) {
                    marks.add(pool.submit(() -> pds.markSuperseded(number, REPLACEMENT)));
                    marks.add(pool.submit(() -> pds.verify(number, subject("Anyone", "Else", "2001-01-01"))));
                }
                for (Future<?> mark : marks) {
                    mark.get();
                }
            } finally {
                pool.shutdown();
            }
            for (NhsNumber number : numbers) {
                assertEquals(RecordOutcome.CPR05, pds.verify(number, subject("Anyone", "Else", "2001-01-01")).outcome());
            }
        }

        private static List<NhsNumber> validNumbers(int count) {
            List<NhsNumber> numbers = new ArrayList<>();
            for (long candidate = 9_991_000_000L; numbers.size() < count; candidate++) {
                String digits = Long.toString(candidate);
                if (NhsNumber.isValid(digits) && !digits.equals(REPLACEMENT.value())) {
                    numbers.add(new NhsNumber(digits));
                }
            }
            return numbers;
        }
    }

    @Nested
    class Settings {

        @Test
        void withoutAFixtureEveryNumberIsUnknown() {
            Demographics pds = demographics(Map.of());
            assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Anyone", "Else", "2001-01-01")).outcome());
            assertTrue(log.list.get(0).getFormattedMessage().startsWith("PDS stub in use (fixture: none"));
        }

        @Test
        void aBlankFixtureSettingMeansNone() {
            Demographics pds = demographics(Map.of("opencpis.pds.fixture", " "));
            assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Anyone", "Else", "2001-01-01")).outcome());
        }

        @Test
        void readsTheEnvironmentVariables() throws IOException {
            Map<String, Object> environment = new HashMap<>();
            environment.put("OPENCPIS_PDS_FIXTURE", fixture(FIXTURE).toString());
            environment.put("OPENCPIS_PDS_UNKNOWN", "no-match");
            context = ApplicationContext.builder()
                    .environmentPropertySource(false)
                    .propertySources(PropertySource.of("test-environment", environment,
                            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                    .start();
            Demographics pds = context.getBean(Demographics.class);
            assertEquals(RecordOutcome.CPR02, pds.verify(SENSITIVE, subject("Testcase", "Ben", "2016-02-29")).outcome());
            assertEquals(RecordOutcome.CPR01, pds.verify(NOT_IN_FIXTURE, subject("Anyone", "Else", "2001-01-01")).outcome());
        }

        @Test
        void theExampleFixtureShippedWithTheServiceLoads() {
            FixturePds pds = (FixturePds) demographics(Map.of(
                    "opencpis.pds.fixture", "classpath:pds/example-fixture.json",
                    "opencpis.pds.unknown", "no-match"));
            assertEquals(RecordOutcome.CPR06, pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-06-30")).outcome());
            assertEquals(RecordOutcome.CPR02, pds.verify(SENSITIVE, subject("Testcase", "Ben", "2016-02-29")).outcome());
            Verification superseded = pds.verify(SUPERSEDED, subject("Example", "Chloe", "2012-11-05"));
            assertEquals(RecordOutcome.CPR05, superseded.outcome());
            assertEquals(REPLACEMENT, superseded.supersededBy());
            assertEquals(RecordOutcome.CPR06, pds.verify(REPLACEMENT, subject("Example", "Chloe", "2012-11-05")).outcome());
            assertEquals(RecordOutcome.CPR06, pds.verify(MOTHER, subject("Sample-Mother", "jane", "1996-03-14")).outcome());
            assertEquals(RecordOutcome.CPR04, pds.verify(OLD_STYLE, subject("Oldstyle", "Dan", "2010-01-01")).outcome());
            assertEquals(RecordOutcome.CPR03, pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-06-29")).outcome());
            assertEquals(RecordOutcome.CPR01, pds.verify(NOT_IN_FIXTURE, subject("Fixture", "Amy", "2015-06-30")).outcome());
            assertEquals(Postcode.of("N1 1AA"),
                    pds.verify(ACTIVE, subject("Fixture", "Amy", "2015-06-30")).placement().postcode());
        }
    }

    @Nested
    class StartUpFailures {

        @Test
        void aBadUnknownValue() {
            Throwable failure = failedStart(Map.of("opencpis.pds.unknown", "sometimes"));
            assertEquals("opencpis.pds.unknown (OPENCPIS_PDS_UNKNOWN) must be 'match' or 'no-match', not 'sometimes'",
                    failure.getMessage());
        }

        @Test
        void aMissingFixtureFile() {
            Path missing = dir.resolve("no-such-fixture.json");
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", missing.toString()));
            assertTrue(failure.getMessage().startsWith("PDS stub fixture " + missing), failure.getMessage());
            assertTrue(failure.getMessage().contains("cannot be read"), failure.getMessage());
        }

        @Test
        void aMissingClasspathFixture() {
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", "classpath:pds/no-such.json"));
            assertTrue(failure.getMessage().contains("no such classpath resource"), failure.getMessage());
        }

        @Test
        void malformedJson() throws IOException {
            Path file = fixture("[{\"nhsNumber\": \"9990000018\",\n  \"familyName\": Fixture}]");
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", file.toString()));
            assertTrue(failure.getMessage().startsWith("PDS stub fixture " + file), failure.getMessage());
            assertTrue(failure.getMessage().contains("malformed, not a JSON array of PDS entries (CONTRACT §10) at line: 2"),
                    failure.getMessage());
            for (Throwable link = failure; link != null; link = link.getCause()) {
                assertFalse(String.valueOf(link.getMessage()).contains("Fixture"), link.getMessage());
            }
        }

        @Test
        void jsonThatIsNotAnArray() throws IOException {
            Path file = fixture("{\"nhsNumber\": \"9990000018\"}");
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", file.toString()));
            assertTrue(failure.getMessage().contains("malformed"), failure.getMessage());
        }

        @Test
        void anEmptyFile() throws IOException {
            Path file = fixture("");
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", file.toString()));
            assertTrue(failure.getMessage().contains("malformed"), failure.getMessage());
        }

        @Test
        void anInvalidEntryIsNamedByItsIndex() throws IOException {
            Path file = fixture("""
                    [{"nhsNumber": "9990000018", "familyName": "Fixture", "givenNames": ["Amy"], "dateOfBirth": "2015-06-30", "status": "ACTIVE"},
                     {"nhsNumber": "9990000019", "familyName": "Fixture", "givenNames": ["Amy"], "dateOfBirth": "2015-06-30", "status": "ACTIVE"}]
                    """);
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", file.toString()));
            assertTrue(failure.getMessage().endsWith("entry 1: nhsNumber is not a valid NHS number (10 digits, Modulus 11)"),
                    failure.getMessage());
            assertFalse(failure.getMessage().contains("9990000019"), failure.getMessage());
        }

        @Test
        void aRepeatedNumber() throws IOException {
            Path file = fixture("""
                    [{"nhsNumber": "9990000018", "familyName": "Fixture", "givenNames": ["Amy"], "dateOfBirth": "2015-06-30", "status": "ACTIVE"},
                     {"nhsNumber": "999 000 0018", "familyName": "Other", "givenNames": ["Bea"], "dateOfBirth": "2015-06-30", "status": "ACTIVE"}]
                    """);
            Throwable failure = failedStart(Map.of("opencpis.pds.fixture", file.toString()));
            assertTrue(failure.getMessage().endsWith("entries 0 and 1 have the same nhsNumber"), failure.getMessage());
        }
    }
}
