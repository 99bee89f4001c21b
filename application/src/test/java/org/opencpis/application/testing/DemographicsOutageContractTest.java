package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;

/**
 * {@link DemographicsContractTest} plus the promise that matters most when PDS is down: the
 * adapter throws {@link DemographicsUnavailable} and never answers anything, least of all
 * "verified". Run by every adapter that can be cut off from PDS (all but the fixture-driven stub).
 */
public abstract class DemographicsOutageContractTest extends DemographicsContractTest {

    /** From now on PDS cannot be asked (down, timing out, refusing every request). */
    protected abstract void givenUnavailable();

    @Test
    void anUnreachablePdsNeverVerifies() {
        givenActive(ACTIVE, AMY, PLACED);
        givenUnavailable();
        Demographics pds = demographics();

        assertThrows(DemographicsUnavailable.class, () -> pds.verify(ACTIVE, AMY));
    }

    @Test
    void anUnreachablePdsGivesNoVerdictOfAnyKind() {
        givenSensitive(SENSITIVE, BEN, PLACED);
        givenUnknown(UNKNOWN);
        givenUnavailable();
        Demographics pds = demographics();

        assertThrows(DemographicsUnavailable.class, () -> pds.verify(SENSITIVE, BEN));
        assertThrows(DemographicsUnavailable.class, () -> pds.verify(UNKNOWN, AMY));
    }
}
