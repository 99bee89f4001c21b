package org.opencpis.domain.upload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.OdsCode;

/**
 * One file a local authority submitted: who sent it (the LA is the sender's organisation), under
 * which request, when, and the sequence number given beside the file (a CSV file's; for a JSON file
 * it is optional and must then equal the one inside). The file's records are applied on the LA's
 * behalf and audited as the sender's.
 */
public record Upload(UUID id, Actor submittedBy, String requestId, SequenceNumber givenSequenceNumber, Instant receivedAt) {
    public Upload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(submittedBy, "submittedBy");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public OdsCode localAuthority() {
        return submittedBy.organisation();
    }
}
