package io.bantam.task.preparation;

import io.bantam.events.Topics;
import io.bantam.events.bookings.BookingEvent;
import io.bantam.service.kafka.EventReader;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds preparation tasks from {@code bantam.bookings.v1}. A record that can never be applied goes to
 * {@code bantam.bookings.v1.dlt} at once; a failure to write is retried with backoff, then dead-lettered
 * (service-defaults' error handler). Redelivery is harmless: {@link PreparationService#apply} applies an event once.
 */
@Component
class BookingEventListener {

    private static final Logger log = LoggerFactory.getLogger(BookingEventListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final PreparationService preparation;
    private final JsonMapper json;

    BookingEventListener(PreparationService preparation, JsonMapper json) {
        this.preparation = preparation;
        this.json = json;
    }

    @KafkaListener(id = "${spring.application.name:task-service}-bookings", topics = Topics.BOOKINGS,
            groupId = "${bantam.preparation.group-id:${spring.application.name:task-service}}")
    void on(ConsumerRecord<String, String> record) {
        BookingEvent event = EventReader.read(json, record.value(), BookingEvent.class);
        Boolean applied = preparation.apply(event).block(WRITE_TIMEOUT);
        log.debug("{} {} for booking {}: {}", event.type(), event.eventId(), event.booking().id(),
                Boolean.TRUE.equals(applied) ? "applied" : "processed before, skipped");
    }
}
