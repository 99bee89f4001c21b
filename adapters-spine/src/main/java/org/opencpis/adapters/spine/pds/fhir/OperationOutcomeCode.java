package org.opencpis.adapters.spine.pds.fhir;

import io.micronaut.json.tree.JsonNode;

/** The Spine error code of a FHIR OperationOutcome: {@code issue[0].details.coding[0].code}. */
final class OperationOutcomeCode {
    private OperationOutcomeCode() {
    }

    /** The code, or null when the body is not an OperationOutcome that carries one. */
    static String of(JsonNode outcome) {
        if (outcome == null || !outcome.isObject() || !"OperationOutcome".equals(PdsPatient.text(outcome.get("resourceType")))) {
            return null;
        }
        for (JsonNode issue : PdsPatient.each(outcome.get("issue"))) {
            JsonNode details = issue.get("details");
            for (JsonNode coding : PdsPatient.each(details == null ? null : details.get("coding"))) {
                String code = PdsPatient.text(coding.get("code"));
                if (code != null && code.matches("[A-Z_]{1,64}")) {
                    return code;
                }
            }
        }
        return null;
    }
}
