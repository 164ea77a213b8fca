package io.bantam.service.kafka;

/**
 * A consumed record that can never be applied (not JSON, unknown type, missing fields). Thrown by a listener,
 * it sends the record straight to the dead-letter topic without retries.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
