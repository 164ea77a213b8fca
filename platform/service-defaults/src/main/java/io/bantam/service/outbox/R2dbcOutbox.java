package io.bantam.service.outbox;

import io.bantam.events.BantamEvent;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Records events in the {@code outbox_event} table through the service's own {@link DatabaseClient}. */
class R2dbcOutbox implements Outbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    R2dbcOutbox(DatabaseClient db, JsonMapper json, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this.db = db;
        this.json = json;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Mono<Void> record(BantamEvent event) {
        return Mono.fromCallable(() -> new String[] {json.writeValueAsString(event), json.writeValueAsString(traceHeaders())})
                .flatMap(serialised -> db.sql("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, headers)
                        VALUES (:eventId, :topic, :key, :type, :payload, CAST(:headers AS jsonb))""")
                        .bind("eventId", event.eventId())
                        .bind("topic", event.topic())
                        .bind("key", event.key())
                        .bind("type", event.type())
                        .bind("payload", serialised[0])
                        .bind("headers", serialised[1])
                        .fetch()
                        .rowsUpdated())
                .then();
    }

    /** The W3C trace context of the request that caused the event, so the trace continues past Kafka. */
    private Map<String, String> traceHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (currentTracer != null && currentPropagator != null && currentTracer.currentSpan() != null) {
            currentPropagator.inject(currentTracer.currentSpan().context(), headers, Map::put);
        }
        return headers;
    }
}
