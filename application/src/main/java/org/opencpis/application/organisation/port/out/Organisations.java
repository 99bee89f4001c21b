package org.opencpis.application.organisation.port.out;

import java.util.Optional;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;

/** The register of organisations. */
public interface Organisations {
    Optional<Organisation> find(OdsCode odsCode);

    /**
     * The organisation a message is addressed to.
     *
     * @throws MessagingUnavailable when it is not registered (yet): the message is kept and retried
     */
    default Organisation recipient(OdsCode odsCode) {
        return find(odsCode).orElseThrow(() -> new MessagingUnavailable("organisation " + odsCode + " is not registered"));
    }

    /** The organisation whose MESH mailbox this is; mailbox ids compare case-insensitively. */
    Optional<Organisation> findByMailbox(String mailboxId);

    /**
     * Inserts or replaces the organisation with this ODS code.
     *
     * @return true when it was not registered before
     */
    boolean save(Organisation organisation);
}
