package org.opencpis.adapters.spine.pds;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A <strong>STUB</strong> of the national Personal Demographics Service (PDS): it never calls
 * the Spine. It answers {@link Demographics#verify} from a JSON fixture (CONTRACT §10) read once at
 * start-up from {@code opencpis.pds.fixture} ({@code OPENCPIS_PDS_FIXTURE}), and numbers not in
 * the fixture as {@code opencpis.pds.unknown} ({@code OPENCPIS_PDS_UNKNOWN}) says: {@code match}
 * (CPR06, the default) or {@code no-match} (CPR01). The rules are {@link PdsMatcher}'s.
 *
 * <p>Created eagerly, so that an invalid setting or an unreadable or malformed fixture stops the
 * service at start-up with a {@link PdsStubConfigurationException} instead of at the first upload.
 * It logs one line saying that the stub is in use, and never logs child data.
 *
 * <p>In use while {@code opencpis.pds.mode} ({@code OPENCPIS_PDS_MODE}) is {@code stub}, the
 * default; {@code fhir} selects the real adapter, {@code pds.fhir.PdsFhirDemographics}, instead.
 *
 * <p>Thread-safe. Tests and demonstrations may {@link #markSuperseded supersede} a number while
 * the service runs; the change is held in memory only.
 */
@Context
@Requires(property = "opencpis.pds.mode", value = "stub", defaultValue = "stub")
public class FixturePds implements Demographics {
    private static final Logger LOG = LoggerFactory.getLogger(FixturePds.class);

    private final ConcurrentMap<NhsNumber, PdsRecord> records;
    private final PdsMatcher matcher;

    public FixturePds(PdsStubConfiguration configuration, JsonMapper json) {
        UnknownNumbers unknownNumbers = configuration.unknownNumbers();
        String fixture = configuration.fixtureLocation();
        Map<NhsNumber, PdsRecord> loaded = fixture == null ? Map.of() : new PdsFixtureReader(json).read(fixture);
        this.records = new ConcurrentHashMap<>(loaded);
        this.matcher = new PdsMatcher(unknownNumbers);
        LOG.warn("PDS stub in use (fixture: {}; {} entries; numbers not in it answer {}) - not the national PDS",
                fixture == null ? "none" : fixture, loaded.size(),
                unknownNumbers == UnknownNumbers.MATCH ? "CPR06 (match)" : "CPR01 (no-match)");
    }

    @Override
    public Verification verify(NhsNumber nhsNumber, Subject subject) {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        PdsRecord held = records.get(nhsNumber);
        Verification verification = matcher.verify(held, subject);
        return held == null || held.status() == PdsStatus.SENSITIVE
                ? verification
                : verification.withPlacement(new Placement(held.gpPractice(), held.postcode()));
    }

    /**
     * From now on PDS answers that {@code old} is superseded by {@code replacement} (CPR05). A
     * number in the fixture keeps its demographics, so a mismatch is still CPR03; a number not in
     * it becomes known by number alone and matches any demographics, whatever
     * {@code opencpis.pds.unknown} says. Marking again points the number at the new replacement.
     *
     * @throws IllegalArgumentException when the two numbers are the same
     * @throws IllegalStateException    when the number is sensitive or old-style in the fixture
     */
    public void markSuperseded(NhsNumber old, NhsNumber replacement) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(replacement, "replacement");
        if (old.equals(replacement)) {
            throw new IllegalArgumentException("a number cannot supersede itself");
        }
        records.compute(old, (number, held) -> {
            if (held == null) {
                return PdsRecord.supersededNumberOnly(number, replacement);
            }
            if (held.status() == PdsStatus.SENSITIVE || held.status() == PdsStatus.OLD_STYLE) {
                throw new IllegalStateException("only an active or superseded number can be superseded, not a "
                        + held.status() + " one");
            }
            return held.supersededBy(replacement);
        });
    }
}
