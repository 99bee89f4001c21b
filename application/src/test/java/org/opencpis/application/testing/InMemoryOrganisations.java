package org.opencpis.application.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;

public final class InMemoryOrganisations implements Organisations {
    private final Map<OdsCode, Organisation> byCode = new ConcurrentHashMap<>();

    @Override
    public Optional<Organisation> find(OdsCode odsCode) {
        return Optional.ofNullable(byCode.get(odsCode));
    }

    @Override
    public Optional<Organisation> findByMailbox(String mailboxId) {
        return byCode.values().stream()
                .filter(organisation -> mailboxId.equalsIgnoreCase(organisation.meshMailboxId()))
                .findFirst();
    }

    @Override
    public boolean save(Organisation organisation) {
        return byCode.put(organisation.odsCode(), organisation) == null;
    }
}
