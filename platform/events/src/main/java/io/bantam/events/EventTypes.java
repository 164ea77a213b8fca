package io.bantam.events;

import io.bantam.events.bookings.BookingCancelled;
import io.bantam.events.bookings.BookingCreated;
import io.bantam.events.bookings.BookingRescheduled;
import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import java.util.Map;
import java.util.Optional;

/**
 * The stable type names and the records they map to. Consumers read {@code type} from the JSON and look
 * the record up here; nothing routes on Java class names.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends BantamEvent>> BY_TYPE = Map.of(
            UserRegistered.TYPE, UserRegistered.class,
            UserProfileUpdated.TYPE, UserProfileUpdated.class,
            RelationshipCreated.TYPE, RelationshipCreated.class,
            RelationshipEnded.TYPE, RelationshipEnded.class,
            BookingCreated.TYPE, BookingCreated.class,
            BookingRescheduled.TYPE, BookingRescheduled.class,
            BookingCancelled.TYPE, BookingCancelled.class);

    private EventTypes() {
    }

    public static Optional<Class<? extends BantamEvent>> recordFor(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    public static Map<String, Class<? extends BantamEvent>> all() {
        return BY_TYPE;
    }
}
