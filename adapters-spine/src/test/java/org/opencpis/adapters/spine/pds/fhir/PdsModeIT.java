package org.opencpis.adapters.spine.pds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.spine.pds.FixturePds;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/** {@code opencpis.pds.mode} chooses the Demographics adapter; the FHIR one refuses to start half-configured. */
class PdsModeIT {
    private ApplicationContext context;
    private final FakePdsServer pds = new FakePdsServer();

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        pds.close();
    }

    private ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder().environmentPropertySource(false).properties(properties).start();
    }

    private String startupFailure(Map<String, Object> properties) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> context = start(properties));
        Throwable cause = failure;
        while (cause != null && !(cause instanceof PdsFhirConfigurationException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, () -> "no PdsFhirConfigurationException behind " + failure);
        return cause.getMessage();
    }

    @Test
    void theStubIsTheDefault() {
        context = start(Map.of());

        assertInstanceOf(FixturePds.class, context.getBean(Demographics.class));
    }

    @Test
    void stubModeIsTheStub() {
        context = start(Map.of("opencpis.pds.mode", "stub"));

        assertInstanceOf(FixturePds.class, context.getBean(Demographics.class));
    }

    @Test
    void fhirModeAsksPdsOverHttpAndHasNoStub() {
        NhsNumber number = new NhsNumber("9990000018");
        Subject amy = new Subject("Quillfeather", List.of("Amy"), LocalDate.of(2015, 6, 30));
        pds.patient(number.value(), PdsJson.patient(number.value(), amy, Placement.NONE, "U"));
        context = start(Map.of("opencpis.pds.mode", "fhir", "opencpis.pds.fhir.url", pds.baseUrl().toString(),
                "opencpis.pds.fhir.token", "configured-token", "opencpis.pds.fhir.max-attempts", "2"));

        Demographics demographics = context.getBean(Demographics.class);

        assertInstanceOf(PdsFhirDemographics.class, demographics);
        assertFalse(context.containsBean(FixturePds.class));
        assertEquals(RecordOutcome.CPR06, demographics.verify(number, amy).outcome());
        assertEquals("Bearer configured-token", pds.requests().get(0).header("Authorization"));
    }

    @Test
    void fhirModeWithoutAUrlRefusesToStart() {
        String message = startupFailure(Map.of("opencpis.pds.mode", "fhir", "opencpis.pds.fhir.token", "t"));

        assertTrue(message.contains("OPENCPIS_PDS_FHIR_URL"), message);
    }

    @Test
    void fhirModeWithoutATokenRefusesToStart() {
        String message = startupFailure(Map.of("opencpis.pds.mode", "fhir", "opencpis.pds.fhir.url", pds.baseUrl().toString()));

        assertTrue(message.contains("OPENCPIS_PDS_FHIR_TOKEN"), message);
    }

    @Test
    void anUnusableUrlRefusesToStart() {
        String message = startupFailure(Map.of("opencpis.pds.mode", "fhir", "opencpis.pds.fhir.url", "ftp://pds.example/FHIR/R4",
                "opencpis.pds.fhir.token", "t"));

        assertTrue(message.contains("opencpis.pds.fhir.url"), message);
    }

    @Test
    void anUnknownModeRefusesToStart() {
        String message = startupFailure(Map.of("opencpis.pds.mode", "real"));

        assertTrue(message.contains("'stub' or 'fhir'"), message);
    }
}
