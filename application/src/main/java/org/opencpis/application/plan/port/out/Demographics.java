package org.opencpis.application.plan.port.out;

import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Verifies an NHS number and the demographics an LA sent with it against the national
 * demographics service (PDS). Implementations answer with the national CPR code; one that
 * cannot reach PDS throws {@link DemographicsUnavailable} and never answers "verified".
 */
public interface Demographics {
    Verification verify(NhsNumber nhsNumber, Subject subject);
}
