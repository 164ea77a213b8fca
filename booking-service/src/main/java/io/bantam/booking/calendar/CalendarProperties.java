package io.bantam.booking.calendar;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calendar feeds.
 *
 * @param publicBaseUrl where callers reach the gateway ({@code BANTAM_PUBLIC_URL}): a feed's address is
 *     {@code <publicBaseUrl>/calendar/<token>.ics}
 * @param feedKey the server key feed tokens are derived with ({@code BANTAM_CALENDAR_FEED_KEY}, a Secret in
 *     deployments; the default is for local runs only). Changing it invalidates every feed address.
 * @param past how far back a feed lists bookings
 * @param ahead how far ahead a feed lists bookings
 * @param cancelledFor how long a cancelled booking stays in a feed as {@code STATUS:CANCELLED}
 */
@ConfigurationProperties("bantam.calendar")
public record CalendarProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("bantam-local-calendar-feed-key") String feedKey,
        @DefaultValue("31d") Duration past,
        @DefaultValue("366d") Duration ahead,
        @DefaultValue("31d") Duration cancelledFor) {

    /** The absolute address of the feed with {@code token}. */
    public String feedUrl(String token) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/calendar/" + token + ".ics";
    }
}
