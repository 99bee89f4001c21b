package org.opencpis.adapters.spine.pds;

import java.time.LocalDate;
import java.util.List;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/** Test data: a PDS record for test number 9990000018 and demographics that match it. */
final class PdsRecords {
    static final NhsNumber NUMBER = new NhsNumber("9990000018");
    static final NhsNumber REPLACEMENT = new NhsNumber("9990000042");
    static final LocalDate BORN = LocalDate.of(2015, 6, 30);
    static final Subject HELD = new Subject("Quillfeather", List.of("Amy", "Jane"), BORN);

    private PdsRecords() {
    }

    static PdsRecord held(PdsStatus status) {
        return new PdsRecord(NUMBER, HELD, status, status == PdsStatus.SUPERSEDED ? REPLACEMENT : null,
                new OdsCode("Y01234"), Postcode.of("N1 1AA"));
    }

    static Subject uploaded(String familyName, List<String> givenNames, LocalDate born) {
        return new Subject(familyName, givenNames, born);
    }

    static Subject uploadedAsHeld() {
        return uploaded("Quillfeather", List.of("Amy", "Jane"), BORN);
    }
}
