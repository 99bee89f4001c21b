package org.opencpis.application.plan.port.out;

import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/**
 * Where PDS places a person: their registered GP practice and their home postcode, each null
 * when PDS does not hold it (or does not say, as for a sensitive record). Used to place a child
 * in 0-19 cohorts when the LA's record does not say.
 */
public record Placement(OdsCode gpPractice, Postcode postcode) {
    public static final Placement NONE = new Placement(null, null);
}
