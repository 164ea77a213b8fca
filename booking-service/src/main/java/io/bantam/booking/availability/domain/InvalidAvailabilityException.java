package io.bantam.booking.availability.domain;

import java.util.List;

/** Weekly windows that cannot be published, with what is wrong with each (by its position in the list). */
public class InvalidAvailabilityException extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidAvailabilityException(List<Problem> problems) {
        super("invalid availability: " + problems, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** What is wrong with the window at {@code index} of the list as given. */
    public record Problem(int index, String message) {
    }
}
