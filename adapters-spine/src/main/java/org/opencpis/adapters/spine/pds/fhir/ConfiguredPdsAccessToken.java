package org.opencpis.adapters.spine.pds.fhir;

import java.util.Objects;

/** The access token given in configuration ({@code opencpis.pds.fhir.token}), the same for every request. */
public final class ConfiguredPdsAccessToken implements PdsAccessToken {
    private final String token;

    public ConfiguredPdsAccessToken(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String current() {
        return token;
    }

    @Override
    public String toString() {
        return "ConfiguredPdsAccessToken[redacted]";
    }
}
