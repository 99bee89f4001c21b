package org.opencpis.adapters.spine.pds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.Subject;

/**
 * The decision every PDS adapter makes: which CPR code an upload gets, given what PDS holds for
 * the NHS number. The stub ({@link FixturePds}) and the FHIR adapter
 * ({@code pds.fhir.PdsFhirDemographics}) both answer through {@link #match}, so the two cannot
 * drift apart. The rules, in order:
 * <ol>
 *   <li>no record: {@link UnknownNumbers#MATCH} answers CPR06, {@link UnknownNumbers#NO_MATCH} CPR01;</li>
 *   <li>an old-style number: CPR04;</li>
 *   <li>demographics that do not match: CPR03;</li>
 *   <li>a sensitive record: CPR02;</li>
 *   <li>a superseded number: CPR05 with the replacement;</li>
 *   <li>otherwise CPR06.</li>
 * </ol>
 * Demographics match when the family names are equal, the dates of birth are equal, and at least
 * one uploaded given name equals one PDS given name (supplier systems are tolerant here: all,
 * the first or any given name). Names are compared ignoring case, leading and trailing
 * whitespace and runs of whitespace; a given-name string holding several names ("Mary Jane") is
 * taken as those names.
 *
 * <p>Detail texts name the outcome and, for CPR03, which fields differ, but never a name or date.
 */
public final class PdsMatcher {
    static final String NOT_IN_PDS = "no PDS record for this NHS number";
    static final String UNKNOWN_ACCEPTED = "verified (NHS number not in the PDS stub fixture; stub set to match unknown numbers)";
    static final String OLD_STYLE = "old-style NHS number: a current NHS number is needed";
    static final String SENSITIVE = "the PDS record is sensitive: child protection information cannot be held";
    static final String SUPERSEDED = "NHS number superseded in PDS";
    static final String VERIFIED = "verified";

    private static final Verification OLD_STYLE_NUMBER = new Verification(RecordOutcome.CPR04, null, OLD_STYLE);

    private final UnknownNumbers unknownNumbers;

    public PdsMatcher(UnknownNumbers unknownNumbers) {
        this.unknownNumbers = Objects.requireNonNull(unknownNumbers, "unknownNumbers");
    }

    /**
     * @param held     what the stub holds for the number, or null when it holds nothing
     * @param uploaded the demographics the LA sent
     */
    public Verification verify(PdsRecord held, Subject uploaded) {
        Objects.requireNonNull(uploaded, "uploaded");
        if (held == null) {
            return unknownNumbers == UnknownNumbers.MATCH
                    ? new Verification(RecordOutcome.CPR06, null, UNKNOWN_ACCEPTED)
                    : notInPds();
        }
        return match(held, uploaded);
    }

    /** CPR01: PDS holds no record for the number. */
    public static Verification notInPds() {
        return new Verification(RecordOutcome.CPR01, null, NOT_IN_PDS);
    }

    /** CPR04: PDS does not take the number as a current NHS number. */
    public static Verification oldStyle() {
        return OLD_STYLE_NUMBER;
    }

    /**
     * Rules 2 to 6 for a record PDS holds, whoever asked it: the stub from its fixture, the FHIR
     * adapter from the Patient resource PDS answered.
     *
     * @param held     what PDS holds for the number; never null
     * @param uploaded the demographics the LA sent
     */
    public static Verification match(PdsRecord held, Subject uploaded) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(uploaded, "uploaded");
        if (held.status() == PdsStatus.OLD_STYLE) {
            return OLD_STYLE_NUMBER;
        }
        if (held.hasDemographics()) {
            List<String> differences = differences(held.demographics(), uploaded);
            if (!differences.isEmpty()) {
                return new Verification(RecordOutcome.CPR03, null,
                        "NHS number not verified: demographics do not match PDS (" + String.join(", ", differences) + ")");
            }
        }
        return switch (held.status()) {
            case SENSITIVE -> new Verification(RecordOutcome.CPR02, null, SENSITIVE);
            case SUPERSEDED -> new Verification(RecordOutcome.CPR05, held.supersededBy(), SUPERSEDED);
            case OLD_STYLE -> OLD_STYLE_NUMBER;
            case ACTIVE -> new Verification(RecordOutcome.CPR06, null, VERIFIED);
        };
    }

    private static List<String> differences(Subject pds, Subject uploaded) {
        List<String> differences = new ArrayList<>(3);
        if (!normalise(pds.familyName()).equals(normalise(uploaded.familyName()))) {
            differences.add("family name");
        }
        if (!shareAName(pds.givenNames(), uploaded.givenNames())) {
            differences.add("given names");
        }
        if (!pds.dateOfBirth().equals(uploaded.dateOfBirth())) {
            differences.add("date of birth");
        }
        return differences;
    }

    static boolean shareAName(Collection<String> pdsGivenNames, Collection<String> uploadedGivenNames) {
        Set<String> held = singleNames(pdsGivenNames);
        return singleNames(uploadedGivenNames).stream().anyMatch(held::contains);
    }

    private static Set<String> singleNames(Collection<String> givenNames) {
        return givenNames.stream()
                .map(PdsMatcher::normalise)
                .flatMap(names -> Arrays.stream(names.split(" ")))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Case-folded, trimmed, with each run of whitespace made one space. */
    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
