package org.opencpis.domain.organisation;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

/**
 * An organisation registered with OpenCPIS. Invariant: a local authority has an emergency-duty
 * phone, since a clinician must be able to reach it out of hours. The MESH mailbox password is
 * held only for the built-in MESH stub and is never shown back.
 */
public record Organisation(
        OdsCode odsCode,
        String name,
        OrganisationType type,
        PhoneNumber emergencyDutyPhone,
        PhoneNumber officeHoursPhone,
        String meshMailboxId,
        String meshMailboxPassword) {

    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9_\\-]{1,20}");

    public Organisation {
        Objects.requireNonNull(odsCode, "odsCode");
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainViolation("MISSING_FIELD", "name", "name is required (at most 200 printable characters)");
        }
        name = name.strip();
        if (type == null) {
            throw new DomainViolation("MISSING_FIELD", "type", "type is required");
        }
        if (type == OrganisationType.LOCAL_AUTHORITY && emergencyDutyPhone == null) {
            throw new DomainViolation("MISSING_FIELD", "emergencyDutyPhone", "a local authority needs an emergency-duty phone");
        }
        if (meshMailboxId != null && !MAILBOX.matcher(meshMailboxId).matches()) {
            throw new DomainViolation("INVALID_MAILBOX", "meshMailboxId", "a MESH mailbox id is 1 to 20 letters, digits, '-' or '_'");
        }
        if (meshMailboxPassword != null && (meshMailboxPassword.isEmpty() || meshMailboxPassword.length() > 200
                || meshMailboxPassword.chars().anyMatch(Character::isISOControl))) {
            throw new DomainViolation("INVALID_FIELD", "meshMailboxPassword", "a MESH mailbox password is 1 to 200 printable characters");
        }
    }

    public boolean isLocalAuthority() {
        return type == OrganisationType.LOCAL_AUTHORITY;
    }

    /** The mailbox password never reaches logs or exception messages. */
    @Override
    public String toString() {
        return "Organisation[" + odsCode + ", " + type + ", mailbox=" + meshMailboxId + "]";
    }
}
