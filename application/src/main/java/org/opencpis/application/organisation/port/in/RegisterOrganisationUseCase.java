package org.opencpis.application.organisation.port.in;

import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.organisation.Organisation;

/** Registers or updates an organisation (ADMIN). Idempotent: the same details twice leave one registration. */
public interface RegisterOrganisationUseCase {

    Registration register(RequestContext context, Organisation organisation);

    record Registration(Organisation organisation, boolean created) {
    }
}
