package io.bantam.service.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * One log line per record a listener applied ({@code Consumed bantam.relationships.v1-2@17, key ...}) or failed
 * to apply, written inside the listener's observation: it carries the trace id of the request that caused the
 * event, like every line the listener writes itself.
 * {@code logging.level.io.bantam.service.kafka.ConsumedRecordLog=warn} keeps only the failures.
 */
public class ConsumedRecordLog implements RecordInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ConsumedRecordLog.class);

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        log.info("Consumed {}-{}@{}, key {}", record.topic(), record.partition(), record.offset(), record.key());
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        log.warn("Could not apply {}-{}@{}, key {}: {}", record.topic(), record.partition(), record.offset(),
                record.key(), cause.toString());
    }
}
