package org.opencpis.adapters.spine.messaging;

import org.opencpis.domain.alert.InactiveNumberNotice;

/** Maps an inactive NHS number notice to its message body. */
public final class InactiveNumberMessages {
    /** The MESH workflow of an Inactive NHS Number Notification. */
    public static final String WORKFLOW = "CPIS_INACTIVE_NHS_NUMBER";

    private InactiveNumberMessages() {
    }

    public static InactiveNumberMessage toMessage(InactiveNumberNotice notice) {
        return new InactiveNumberMessage(notice.noticeId(), notice.nhsNumber().value(), notice.supersededBy().value(),
                notice.records().stream()
                        .map(record -> new InactiveNumberMessage.HeldRecord(record.planType().name(), record.localId()))
                        .toList(),
                notice.detectedAt().toString());
    }
}
