package org.opencpis.adapters.rest.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The codes OpenCPIS puts in {@code OperationOutcome.issue.details.coding} under {@code /FHIR/R4},
 * from the NHS Spine error or warning code system, each with the FHIR issue type used with it.
 */
enum SpineErrorCode {
    /** 400: the {@code patient:identifier} search parameter is missing, has another system or is not a valid NHS number. */
    INVALID_SEARCH_DATA("Invalid search data", IssueType.INVALID),
    /** 400: a required header is missing or invalid ({@code X-Request-ID}, {@code IsUnscheduledAccessEvent}). */
    PRECONDITION_FAILED("Precondition failed", IssueType.INVALID),
    /** 400 (and 406, 413, 415): the request could not be read or served as sent. */
    BAD_REQUEST("Bad request", IssueType.INVALID),
    /** 401 (issue type login) and 403 (issue type forbidden). */
    ACCESS_DENIED("Access has been denied to process this request", IssueType.FORBIDDEN),
    /** 404 and 405: no such endpoint or interaction. */
    UNSUPPORTED_SERVICE("Unsupported service", IssueType.NOTSUPPORTED),
    /**
     * 429: this user's query rate limit is spent; try again after {@code Retry-After}. The code NHS
     * England's FHIR APIs answer a 429 with, issue type {@code throttled}.
     */
    TOO_MANY_REQUESTS("Too many requests", IssueType.THROTTLED),
    /** 503: the service cannot answer now (its database is unavailable); try again. */
    UNABLE_TO_CALL_SERVICE("Unable to call service", IssueType.TRANSIENT),
    /** 500: an unexpected failure, logged by the service. */
    FAILURE_TO_PROCESS_MESSAGE("Failure to process message", IssueType.EXCEPTION);

    static final String SYSTEM = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";

    private final String display;
    private final IssueType issueType;

    SpineErrorCode(String display, IssueType issueType) {
        this.display = display;
        this.issueType = issueType;
    }

    String display() {
        return display;
    }

    IssueType issueType() {
        return issueType;
    }
}
