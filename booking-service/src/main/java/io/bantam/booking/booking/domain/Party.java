package io.bantam.booking.booking.domain;

/** The two sides of a booking. */
public enum Party {
    FREELANCER, CLIENT
}
