package org.opencpis.application.testing;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.DemographicsUnavailable;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;

/**
 * A <strong>stub</strong> of PDS for application tests: every number verified unless told
 * otherwise, or unreachable altogether. A test either fixes the answer for a number
 * ({@link #answer}) or lets the stub hold a record ({@link #holds}) whose demographics it matches
 * as PDS adapters do (family name and date of birth exactly, any given name, ignoring case and
 * whitespace). It passes {@link DemographicsOutageContractTest}.
 */
public final class StubDemographics implements Demographics {
    private final Map<NhsNumber, Verification> answers = new ConcurrentHashMap<>();
    private final Map<NhsNumber, Held> records = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    private record Held(Subject subject, Verification verdict) {
    }

    public StubDemographics answer(NhsNumber nhsNumber, Verification verification) {
        answers.put(nhsNumber, verification);
        return this;
    }

    public StubDemographics answer(NhsNumber nhsNumber, RecordOutcome outcome) {
        return answer(nhsNumber, new Verification(outcome, null, outcome.name()));
    }

    /**
     * Holds a record: uploads whose demographics match get {@code verdict}, others CPR03. For an
     * ordinary record the verdict is {@link Verification#verified()} with its placement.
     */
    public StubDemographics holds(NhsNumber nhsNumber, Subject subject, Verification verdict) {
        records.put(nhsNumber, new Held(subject, verdict));
        return this;
    }

    public StubDemographics holds(NhsNumber nhsNumber, Subject subject, Placement placement) {
        return holds(nhsNumber, subject, Verification.verified().withPlacement(placement));
    }

    public StubDemographics unavailable() {
        unavailable = true;
        return this;
    }

    public StubDemographics available() {
        unavailable = false;
        return this;
    }

    @Override
    public Verification verify(NhsNumber nhsNumber, Subject subject) {
        if (unavailable) {
            throw new DemographicsUnavailable("PDS stub set unavailable", null);
        }
        Held held = records.get(nhsNumber);
        if (held != null) {
            return matches(held.subject(), subject) ? held.verdict()
                    : new Verification(RecordOutcome.CPR03, null, "NHS number not verified: demographics do not match");
        }
        return answers.getOrDefault(nhsNumber, Verification.verified());
    }

    private static boolean matches(Subject held, Subject uploaded) {
        return normalise(held.familyName()).equals(normalise(uploaded.familyName()))
                && held.dateOfBirth().equals(uploaded.dateOfBirth())
                && singleNames(uploaded.givenNames()).stream().anyMatch(singleNames(held.givenNames())::contains);
    }

    private static Set<String> singleNames(Collection<String> givenNames) {
        return givenNames.stream().map(StubDemographics::normalise).flatMap(names -> Arrays.stream(names.split(" ")))
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
