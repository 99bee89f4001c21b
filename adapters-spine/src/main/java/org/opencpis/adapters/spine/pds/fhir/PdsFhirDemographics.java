package org.opencpis.adapters.spine.pds.fhir;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Objects;
import org.opencpis.adapters.spine.pds.PdsMatcher;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/**
 * The {@link Demographics} port over NHS England's Personal Demographics Service FHIR R4 API:
 * {@code GET {base}/Patient/{nhsNumber}}, then the same matching rules as the PDS stub
 * ({@link PdsMatcher#match}). What PDS answers becomes:
 * <table>
 *   <caption>PDS answer to CPR code</caption>
 *   <tr><th>PDS</th><th>verification</th></tr>
 *   <tr><td>200, {@code id} = the number asked</td><td>CPR06, CPR03 (demographics differ or incomplete) or
 *       CPR02 ({@code meta.security} R: restricted; no placement)</td></tr>
 *   <tr><td>200, another {@code id}</td><td>CPR05, superseded by that id (CPR03 first if demographics differ)</td></tr>
 *   <tr><td>404 {@code RESOURCE_NOT_FOUND} or {@code INVALIDATED_RESOURCE}</td><td>CPR01</td></tr>
 *   <tr><td>400 {@code INVALID_RESOURCE_ID}</td><td>CPR04: PDS does not take it as a current NHS number</td></tr>
 *   <tr><td>any other 4xx with a Spine error code</td><td>CPR07, the code in the detail</td></tr>
 *   <tr><td>401, 403; 404 without a Spine code; 408, 429, 5xx after the retries; a timeout; a
 *       malformed answer; the circuit breaker open</td><td>{@link DemographicsUnavailable}</td></tr>
 * </table>
 * It never answers "verified" when PDS could not be asked. 401 and 403 are unavailability, not a
 * verdict on the child: they mean OpenCPIS's own credentials are wrong, and the record should be
 * resubmitted once they are fixed. A 404 without a Spine error code is not taken as "no such
 * patient" either: it is more likely a wrong base URL than a missing record.
 *
 * <p>Thread-safe. Logs never carry NHS numbers, names, dates of birth or the token.
 */
public final class PdsFhirDemographics implements Demographics {
    private static final Argument<JsonNode> TREE = Argument.of(JsonNode.class);

    private final PdsFhirClient client;
    private final CircuitBreaker breaker;
    private final JsonMapper json;

    PdsFhirDemographics(PdsFhirClient client, CircuitBreaker breaker, JsonMapper json) {
        this.client = Objects.requireNonNull(client, "client");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Verification verify(NhsNumber nhsNumber, Subject subject) {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(subject, "subject");
        if (!breaker.tryAcquire()) {
            throw new DemographicsUnavailable("PDS circuit breaker open: PDS failed repeatedly, not asking for now", null);
        }
        Verification verification;
        try {
            verification = answer(client.readPatient(nhsNumber.value()), nhsNumber, subject);
        } catch (PdsFhirClient.Failed e) {
            breaker.failed();
            throw new DemographicsUnavailable(e.getMessage(), null);
        } catch (DemographicsUnavailable e) {
            breaker.failed();
            throw e;
        } catch (RuntimeException e) {
            breaker.failed();
            throw new DemographicsUnavailable("PDS answer could not be used (" + e.getClass().getSimpleName() + ")", null);
        }
        breaker.succeeded();
        return verification;
    }

    /** Circuit breaker state, for tests and diagnostics. */
    String breakerState() {
        return breaker.state().name();
    }

    private Verification answer(PdsFhirClient.Answer answer, NhsNumber asked, Subject subject) {
        int status = answer.status();
        if (status == 200) {
            return verified(asked, subject, tree(answer.body(), "Patient"));
        }
        String code = OperationOutcomeCode.of(treeOrNull(answer.body()));
        if (status == 404 && ("RESOURCE_NOT_FOUND".equals(code) || "INVALIDATED_RESOURCE".equals(code))) {
            return PdsMatcher.notInPds();
        }
        if (status == 400 && "INVALID_RESOURCE_ID".equals(code)) {
            return PdsMatcher.oldStyle();
        }
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 404 && code != null) {
            return new Verification(RecordOutcome.CPR07, null, "PDS could not check this NHS number (" + code + ")");
        }
        throw new DemographicsUnavailable("PDS answered HTTP " + status + (code == null ? "" : " " + code), null);
    }

    private static Verification verified(NhsNumber asked, Subject subject, JsonNode patient) {
        PdsPatient.Read read;
        try {
            read = PdsPatient.read(patient, asked);
        } catch (PdsPatient.MalformedAnswer e) {
            throw new DemographicsUnavailable(e.getMessage(), null);
        }
        if (!read.demographicsComplete()) {
            return new Verification(RecordOutcome.CPR03, null,
                    "NHS number not verified: PDS does not hold a family name, given name and date of birth to compare");
        }
        Verification verification = PdsMatcher.match(read.record(), subject);
        return read.record().gpPractice() == null && read.record().postcode() == null
                ? verification
                : verification.withPlacement(new Placement(read.record().gpPractice(), read.record().postcode()));
    }

    private JsonNode tree(byte[] body, String what) {
        JsonNode node = treeOrNull(body);
        if (node == null) {
            throw new DemographicsUnavailable("PDS answered 200 with a body that is not a JSON " + what, null);
        }
        return node;
    }

    private JsonNode treeOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, TREE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
