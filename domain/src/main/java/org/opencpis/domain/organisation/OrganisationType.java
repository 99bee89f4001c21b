package org.opencpis.domain.organisation;

/** The kinds of organisation OpenCPIS knows. */
public enum OrganisationType {
    LOCAL_AUTHORITY,
    NHS_ORGANISATION,
    ZERO_TO_NINETEEN_SERVICE
}
