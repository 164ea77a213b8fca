package io.bantam.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request log never writes a calendar feed's secret token. */
class RequestLogWebFilterTest {

    @Test
    void aCalendarFeedPathIsLoggedWithoutItsToken() {
        assertThat(RequestLogWebFilter.loggable("/calendar/s3cr3t-T0ken_abc.ics")).isEqualTo("/calendar/{token}.ics");
        assertThat(RequestLogWebFilter.loggable("/calendar/s3cr3t/more")).isEqualTo("/calendar/{token}");
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertThat(RequestLogWebFilter.loggable("/api/calendar/feed")).isEqualTo("/api/calendar/feed");
        assertThat(RequestLogWebFilter.loggable("/api/bookings/1/ics")).isEqualTo("/api/bookings/1/ics");
    }
}
