package io.bantam.events;

/** Topic names. Versioned: a breaking change to an event's shape gets a new topic. */
public final class Topics {

    /** {@code UserRegistered}, {@code UserProfileUpdated}; keyed by user id. */
    public static final String IDENTITY_USERS = "bantam.identity.users.v1";

    /** {@code RelationshipCreated}, {@code RelationshipEnded}; keyed by freelancer id. */
    public static final String RELATIONSHIPS = "bantam.relationships.v1";

    /** {@code BookingCreated}, {@code BookingRescheduled}, {@code BookingCancelled}; keyed by freelancer id. */
    public static final String BOOKINGS = "bantam.bookings.v1";

    private Topics() {
    }
}
