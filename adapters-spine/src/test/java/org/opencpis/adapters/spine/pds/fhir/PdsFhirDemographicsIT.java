package org.opencpis.adapters.spine.pds.fhir;

import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.testing.DemographicsOutageContractTest;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/** The PDS FHIR adapter passes the Demographics kit against a fake PDS FHIR API over HTTP. */
class PdsFhirDemographicsIT extends DemographicsOutageContractTest {
    private final FakePdsServer pds = new FakePdsServer();

    @AfterEach
    void stop() {
        pds.close();
    }

    @Override
    protected void givenActive(NhsNumber nhsNumber, Subject held, Placement placement) {
        pds.patient(nhsNumber.value(), PdsJson.patient(nhsNumber.value(), held, placement, "U"));
    }

    @Override
    protected void givenSensitive(NhsNumber nhsNumber, Subject held, Placement placement) {
        pds.patient(nhsNumber.value(), PdsJson.patient(nhsNumber.value(), held, placement, "R"));
    }

    @Override
    protected void givenSuperseded(NhsNumber old, NhsNumber replacement, Subject held) {
        pds.patient(old.value(), PdsJson.patient(replacement.value(), held, Placement.NONE, "U"));
    }

    @Override
    protected void givenOldStyle(NhsNumber nhsNumber) {
        // PDS does not take the number: 400 INVALID_RESOURCE_ID for this number, 404 for any other
        pds.patient(nhsNumber.value(), "unused");
        pds.thenAnswer(FakePdsServer.Answer.of(400, PdsJson.outcome("INVALID_RESOURCE_ID")));
    }

    @Override
    protected void givenUnknown(NhsNumber nhsNumber) {
        // the fake answers 404 RESOURCE_NOT_FOUND for numbers it does not hold
    }

    @Override
    protected void givenUnavailable() {
        pds.alwaysAnswer(FakePdsServer.Answer.of(503, PdsJson.outcome("SERVICE_UNAVAILABLE")));
    }

    @Override
    protected Demographics demographics() {
        PdsFhirSettings settings = new PdsFhirSettings(pds.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
                Duration.ofMillis(10), Duration.ofSeconds(1), 100, Duration.ofSeconds(30));
        return PdsFhirFactory.create(settings, () -> "test-token", JsonMapper.createDefault(), wait -> { }, Clock.systemUTC());
    }
}
