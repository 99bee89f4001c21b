package org.opencpis.adapters.spine.pds;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the PDS stub (CONTRACT §2).
 *
 * @param fixture where the JSON fixture is ({@code OPENCPIS_PDS_FIXTURE}): a file path, or
 *                {@code classpath:<resource>}; none by default, when every number is unknown
 * @param unknown what numbers not in the fixture get ({@code OPENCPIS_PDS_UNKNOWN}):
 *                {@code match} (default) or {@code no-match}
 */
@ConfigurationProperties("opencpis.pds")
public record PdsStubConfiguration(
        @Nullable String fixture,
        @Nullable @Bindable(defaultValue = "match") String unknown) {

    /** The fixture location, or null when none is set (blank counts as none). */
    public String fixtureLocation() {
        return fixture == null || fixture.isBlank() ? null : fixture.strip();
    }

    /** @throws PdsStubConfigurationException when {@code unknown} is not {@code match} or {@code no-match} */
    public UnknownNumbers unknownNumbers() {
        return UnknownNumbers.parse(unknown);
    }
}
