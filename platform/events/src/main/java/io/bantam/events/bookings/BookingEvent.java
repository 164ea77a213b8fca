package io.bantam.events.bookings;

import io.bantam.events.BantamEvent;
import io.bantam.events.Topics;

/**
 * The events on {@value Topics#BOOKINGS}, keyed by freelancer id so that all changes of one freelancer's
 * bookings stay in order. Each carries the whole booking as it is after the change.
 */
public sealed interface BookingEvent extends BantamEvent permits BookingCreated, BookingRescheduled, BookingCancelled {

    BookingSnapshot booking();

    @Override
    default String topic() {
        return Topics.BOOKINGS;
    }

    @Override
    default String key() {
        return booking().freelancerId().toString();
    }
}
