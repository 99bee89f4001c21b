package org.opencpis.adapters.spine.pds;

import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/**
 * Where PDS places a person: their registered GP practice and their postcode, each absent
 * when PDS does not hold it. Used to place a child in 0-19 cohorts.
 */
public record PdsPlacement(OdsCode gpPractice, Postcode postcode) {

    /** The placement without its values, so that it cannot leak into a log line. */
    @Override
    public String toString() {
        return "PdsPlacement[gpPractice=" + (gpPractice != null) + ", postcode=" + (postcode != null) + "]";
    }
}
