package org.opencpis.adapters.spine.pds.fhir;

import io.micronaut.json.tree.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencpis.adapters.spine.pds.PdsRecord;
import org.opencpis.adapters.spine.pds.PdsStatus;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/**
 * Reads the few fields OpenCPIS needs from a PDS FHIR {@code Patient} (UK Core R4, as NHS
 * England's Personal Demographics Service FHIR API returns it) into the {@link PdsRecord} the
 * shared matching rules take:
 * <ul>
 *   <li>{@code id}: the NHS number of the record; one that differs from the number asked means
 *       the asked number is superseded by it;</li>
 *   <li>{@code meta.security[].code}: {@code R} (restricted) or {@code V} (very restricted)
 *       makes the record sensitive, and then no placement is read;</li>
 *   <li>{@code name[]}: the {@code usual} name (PDS always has one), else {@code official},
 *       else the first: {@code family} and {@code given[]};</li>
 *   <li>{@code birthDate};</li>
 *   <li>{@code generalPractitioner[0].identifier.value}: the GP practice's ODS code;</li>
 *   <li>the {@code postalCode} of the first {@code address[]} whose {@code use} is {@code home}.</li>
 * </ul>
 * A GP code or postcode that is not valid is left out. A record without a usable family name,
 * given name or date of birth gives {@link Optional#empty()} demographics: it can never verify.
 */
final class PdsPatient {
    private static final List<String> RESTRICTED = List.of("R", "V");

    private PdsPatient() {
    }

    /** The Patient's demographics, or empty when PDS does not hold all three. */
    record Read(PdsRecord record, boolean demographicsComplete) {
    }

    /**
     * @throws MalformedAnswer when the resource is not a Patient or its id is not an NHS number
     */
    static Read read(JsonNode patient, NhsNumber asked) {
        if (patient == null || !patient.isObject() || !"Patient".equals(text(patient.get("resourceType")))) {
            throw new MalformedAnswer("PDS answered 200 without a Patient resource");
        }
        NhsNumber id = recordNumber(patient);
        boolean sensitive = restricted(patient);
        Optional<Subject> demographics = demographics(patient);
        PdsStatus status = !id.equals(asked) ? PdsStatus.SUPERSEDED : sensitive ? PdsStatus.SENSITIVE : PdsStatus.ACTIVE;
        OdsCode gp = sensitive ? null : gpPractice(patient);
        Postcode postcode = sensitive ? null : homePostcode(patient);
        PdsRecord record = new PdsRecord(asked, demographics.orElse(null), status, status == PdsStatus.SUPERSEDED ? id : null,
                gp, postcode);
        return new Read(record, demographics.isPresent());
    }

    /** Whether the record carries the restricted (S-flag) security label. */
    static boolean restricted(JsonNode patient) {
        JsonNode meta = patient.get("meta");
        JsonNode security = meta == null ? null : meta.get("security");
        for (JsonNode label : each(security)) {
            String code = text(label.get("code"));
            if (code != null && RESTRICTED.contains(code.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static NhsNumber recordNumber(JsonNode patient) {
        String id = text(patient.get("id"));
        if (id == null || !NhsNumber.isValid(id)) {
            throw new MalformedAnswer("PDS answered a Patient whose id is not an NHS number");
        }
        return new NhsNumber(id);
    }

    private static Optional<Subject> demographics(JsonNode patient) {
        JsonNode name = chosenName(patient.get("name"));
        String born = text(patient.get("birthDate"));
        if (name == null || born == null) {
            return Optional.empty();
        }
        List<String> given = new ArrayList<>();
        for (JsonNode part : each(name.get("given"))) {
            String value = text(part);
            if (value != null && !value.isBlank()) {
                given.add(value);
            }
        }
        try {
            return Optional.of(new Subject(text(name.get("family")), given, LocalDate.parse(born)));
        } catch (DomainViolation | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static JsonNode chosenName(JsonNode names) {
        JsonNode official = null;
        JsonNode first = null;
        for (JsonNode name : each(names)) {
            String use = text(name.get("use"));
            if ("usual".equals(use)) {
                return name;
            }
            if (official == null && "official".equals(use)) {
                official = name;
            }
            if (first == null) {
                first = name;
            }
        }
        return official != null ? official : first;
    }

    private static OdsCode gpPractice(JsonNode patient) {
        JsonNode practices = patient.get("generalPractitioner");
        if (practices == null || !practices.isArray() || practices.size() == 0) {
            return null;
        }
        JsonNode identifier = practices.get(0).get("identifier");
        String code = identifier == null ? null : text(identifier.get("value"));
        try {
            return code == null ? null : new OdsCode(code);
        } catch (DomainViolation e) {
            return null;
        }
    }

    private static Postcode homePostcode(JsonNode patient) {
        for (JsonNode address : each(patient.get("address"))) {
            String postcode = text(address.get("postalCode"));
            if ("home".equals(text(address.get("use"))) && postcode != null) {
                try {
                    return Postcode.of(postcode);
                } catch (DomainViolation e) {
                    return null;
                }
            }
        }
        return null;
    }

    static Iterable<JsonNode> each(JsonNode array) {
        return array != null && array.isArray() ? array.values() : List.of();
    }

    static String text(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }

    /** PDS answered something that is not what its API promises. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
