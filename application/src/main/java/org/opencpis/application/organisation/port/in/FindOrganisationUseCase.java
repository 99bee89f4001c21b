package org.opencpis.application.organisation.port.in;

import java.util.Optional;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;

/** Looks up a registered organisation. Organisations are not child data. */
public interface FindOrganisationUseCase {
    Optional<Organisation> find(OdsCode odsCode);

    /** The organisation a MESH mailbox belongs to (mailbox ids compare case-insensitively). */
    Optional<Organisation> findByMailbox(String mailboxId);
}
