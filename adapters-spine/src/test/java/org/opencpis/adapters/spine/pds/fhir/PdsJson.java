package org.opencpis.adapters.spine.pds.fhir;

import java.util.stream.Collectors;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.domain.plan.Subject;

/** PDS-shaped FHIR JSON for tests, after the Patient and OperationOutcome examples of the PDS FHIR API. */
final class PdsJson {
    private PdsJson() {
    }

    /** A Patient with id {@code id}, security label {@code U} (unrestricted) or {@code R} (restricted). */
    static String patient(String id, Subject subject, Placement placement, String security) {
        StringBuilder json = new StringBuilder()
                .append("{\"resourceType\": \"Patient\", \"id\": \"").append(id).append("\",")
                .append("\"identifier\": [{\"system\": \"https://fhir.nhs.uk/Id/nhs-number\", \"value\": \"").append(id).append("\"}],")
                .append("\"meta\": {\"versionId\": \"2\", \"security\": [{\"system\": ")
                .append("\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\", \"code\": \"").append(security)
                .append("\", \"display\": \"").append("R".equals(security) ? "restricted" : "unrestricted").append("\"}]},")
                .append("\"name\": [")
                .append("{\"use\": \"old\", \"family\": \"Formername\", \"given\": [\"Olde\"], \"period\": {\"start\": \"2010-01-01\", \"end\": \"2014-01-01\"}},")
                .append("{\"id\": \"123\", \"use\": \"usual\", \"period\": {\"start\": \"2015-07-01\"}, \"family\": \"")
                .append(subject.familyName()).append("\", \"given\": [")
                .append(subject.givenNames().stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", ")))
                .append("], \"prefix\": [\"Miss\"]}],")
                .append("\"gender\": \"female\", \"birthDate\": \"").append(subject.dateOfBirth()).append("\"");
        if (!"R".equals(security)) {
            if (placement.gpPractice() != null) {
                json.append(", \"generalPractitioner\": [{\"id\": \"254406A3\", \"type\": \"Organization\", \"identifier\": ")
                        .append("{\"system\": \"https://fhir.nhs.uk/Id/ods-organization-code\", \"value\": \"")
                        .append(placement.gpPractice().value()).append("\", \"period\": {\"start\": \"2020-01-01\"}}}]");
            }
            json.append(", \"address\": [")
                    .append("{\"id\": \"456\", \"use\": \"temp\", \"line\": [\"1 Holiday Road\"], \"postalCode\": \"TR19 7AA\"}");
            if (placement.postcode() != null) {
                json.append(", {\"id\": \"789\", \"use\": \"home\", \"period\": {\"start\": \"2020-01-01\"}, \"line\": [\"1 Trevelyan Square\", ")
                        .append("\"Boar Lane\", \"Leeds\"], \"postalCode\": \"").append(placement.postcode().value()).append("\"}");
            }
            json.append("]");
        }
        return json.append("}").toString();
    }

    /** An OperationOutcome with the Spine error code. */
    static String outcome(String code) {
        return "{\"resourceType\": \"OperationOutcome\", \"issue\": [{\"severity\": \"error\", \"code\": \"invalid\", "
                + "\"details\": {\"coding\": [{\"system\": \"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode\", "
                + "\"version\": \"1\", \"code\": \"" + code + "\", \"display\": \"" + code + "\"}]}}]}";
    }
}
