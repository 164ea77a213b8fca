package io.bantam.task.preparation.domain;

/**
 * Whether task-service makes a preparation task for each new booking of a freelancer, and how many days before the
 * booking's date it is due.
 */
public record PreparationSettings(boolean prepareForBookings, int prepareDaysBefore) {

    public static final int MAX_DAYS_BEFORE = 14;

    /** What a freelancer has until it chooses: no preparation tasks; one day before when switched on. */
    public static final PreparationSettings DEFAULT = new PreparationSettings(false, 1);

    public PreparationSettings {
        if (prepareDaysBefore < 0 || prepareDaysBefore > MAX_DAYS_BEFORE) {
            throw new IllegalArgumentException("prepareDaysBefore must be 0.." + MAX_DAYS_BEFORE);
        }
    }
}
