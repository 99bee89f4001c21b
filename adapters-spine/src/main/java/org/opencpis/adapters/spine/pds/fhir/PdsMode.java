package org.opencpis.adapters.spine.pds.fhir;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Demographics} adapter runs: {@code opencpis.pds.mode} ({@code OPENCPIS_PDS_MODE}),
 * {@code stub} (the default: {@code pds.FixturePds}) or {@code fhir} ({@link PdsFhirDemographics}).
 * Checked at start-up, so that a mistyped mode stops the service with a clear message instead of
 * leaving it without a PDS adapter.
 */
@Context
public class PdsMode {
    public static final String PROPERTY = "opencpis.pds.mode";
    private static final Set<String> MODES = Set.of("stub", "fhir");

    public PdsMode(@Property(name = PROPERTY) @Nullable String mode) {
        if (mode != null && !MODES.contains(mode)) {
            String hint = MODES.contains(mode.strip().toLowerCase(Locale.ROOT)) ? " (lower case, no spaces)" : "";
            throw new PdsFhirConfigurationException(PROPERTY + " (OPENCPIS_PDS_MODE) must be 'stub' or 'fhir'" + hint);
        }
    }
}
