package org.opencpis.application.organisation.port.out;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * The registered organisations among these ODS codes, by code (unregistered codes are absent).
     * Adapters answer it with one look-up; this default asks for each code in turn.
     */
    default Map<OdsCode, Organisation> findAll(Collection<OdsCode> odsCodes) {
        Map<OdsCode, Organisation> found = new LinkedHashMap<>();
        for (OdsCode odsCode : odsCodes) {
            find(odsCode).ifPresent(organisation -> found.put(odsCode, organisation));
        }
        return found;
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
