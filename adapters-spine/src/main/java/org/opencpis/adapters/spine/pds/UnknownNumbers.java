package org.opencpis.adapters.spine.pds;

import java.util.Locale;

/**
 * What the PDS stub answers for an NHS number that is not in its fixture
 * ({@code opencpis.pds.unknown}, environment {@code OPENCPIS_PDS_UNKNOWN}).
 */
public enum UnknownNumbers {
    /** {@code match}: the uploaded demographics are taken as verified (CPR06). The default. */
    MATCH("match"),
    /** {@code no-match}: PDS has no such record (CPR01). */
    NO_MATCH("no-match");

    private final String setting;

    UnknownNumbers(String setting) {
        this.setting = setting;
    }

    /** The setting's value, e.g. {@code no-match}. */
    public String setting() {
        return setting;
    }

    /**
     * Reads the setting; blank or absent means {@link #MATCH}.
     *
     * @throws PdsStubConfigurationException for anything but {@code match} or {@code no-match}
     */
    public static UnknownNumbers parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return MATCH;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        for (UnknownNumbers candidate : values()) {
            if (candidate.setting.equals(value)) {
                return candidate;
            }
        }
        throw new PdsStubConfigurationException("opencpis.pds.unknown (OPENCPIS_PDS_UNKNOWN) must be 'match' or 'no-match', not '"
                + raw + "'");
    }
}
