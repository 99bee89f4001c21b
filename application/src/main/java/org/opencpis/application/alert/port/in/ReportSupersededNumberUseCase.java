package org.opencpis.application.alert.port.in;

import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.shared.NhsNumber;

/**
 * PDS has made an NHS number inactive, superseded by another: every local authority holding
 * current records under the old number is sent an Inactive NHS Number Notification, once per
 * (LA, old number, replacement) however often PDS reports it.
 */
public interface ReportSupersededNumberUseCase {
    /** @return how many local authorities are newly to be told */
    int numberSuperseded(NhsNumber old, NhsNumber replacement, RequestContext context);
}
