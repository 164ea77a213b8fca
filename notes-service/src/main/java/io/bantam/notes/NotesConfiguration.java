package io.bantam.notes;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the service needs beyond its features. */
@Configuration(proxyBeanMethods = false)
class NotesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
