package org.opencpis.adapters.spine.pds;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.testing.DemographicsContractTest;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/**
 * The PDS stub passes the Demographics kit: the world is written as its JSON fixture (CONTRACT §10)
 * and the stub is the {@code Demographics} bean of a Micronaut context in the default
 * {@code opencpis.pds.mode}, with {@code opencpis.pds.unknown=no-match}. It cannot be cut off
 * from PDS, so it runs {@link DemographicsContractTest}, not the outage kit.
 */
class FixturePdsDemographicsIT extends DemographicsContractTest {
    private static final String OLD_STYLE_NAMES = "\"familyName\": \"Oldstyle\", \"givenNames\": [\"Dan\"], \"dateOfBirth\": \"2010-01-01\"";

    @TempDir
    Path dir;

    private final List<String> entries = new ArrayList<>();
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static String names(Subject subject) {
        return "\"familyName\": \"" + subject.familyName() + "\", \"givenNames\": ["
                + subject.givenNames().stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "))
                + "], \"dateOfBirth\": \"" + subject.dateOfBirth() + "\"";
    }

    private static String placement(Placement placement) {
        return (placement.gpPractice() == null ? "" : ", \"gpPracticeOdsCode\": \"" + placement.gpPractice().value() + "\"")
                + (placement.postcode() == null ? "" : ", \"postcode\": \"" + placement.postcode().value() + "\"");
    }

    @Override
    protected void givenActive(NhsNumber nhsNumber, Subject held, Placement placement) {
        entries.add("{\"nhsNumber\": \"" + nhsNumber.value() + "\", " + names(held) + ", \"status\": \"ACTIVE\"" + placement(placement) + "}");
    }

    @Override
    protected void givenSensitive(NhsNumber nhsNumber, Subject held, Placement placement) {
        entries.add("{\"nhsNumber\": \"" + nhsNumber.value() + "\", " + names(held) + ", \"status\": \"SENSITIVE\"" + placement(placement) + "}");
    }

    @Override
    protected void givenSuperseded(NhsNumber old, NhsNumber replacement, Subject held) {
        entries.add("{\"nhsNumber\": \"" + old.value() + "\", " + names(held) + ", \"status\": \"SUPERSEDED\", \"supersededBy\": \""
                + replacement.value() + "\"}");
    }

    @Override
    protected void givenOldStyle(NhsNumber nhsNumber) {
        entries.add("{\"nhsNumber\": \"" + nhsNumber.value() + "\", " + OLD_STYLE_NAMES + ", \"status\": \"OLD_STYLE\"}");
    }

    @Override
    protected void givenUnknown(NhsNumber nhsNumber) {
        // not in the fixture, and the stub is set to no-match
    }

    @Override
    protected Demographics demographics() {
        try {
            Path fixture = Files.writeString(dir.resolve("pds-fixture.json"), "[" + String.join(",\n", entries) + "]");
            context = ApplicationContext.builder()
                    .environmentPropertySource(false)
                    .properties(Map.of("opencpis.pds.fixture", fixture.toString(), "opencpis.pds.unknown", "no-match"))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return context.getBean(Demographics.class);
    }
}
