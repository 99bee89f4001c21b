package org.opencpis.application.shared.port.out;

/** A message could not be handed to Spine messaging now (server down, throttled, no mailbox yet): retry later. */
public class MessagingUnavailable extends RuntimeException {
    public MessagingUnavailable(String message) {
        super(message);
    }

    public MessagingUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
