package io.bantam.booking.rules.domain;

import java.util.UUID;

/**
 * A client's own rules with one freelancer: each member that is not null overrides the freelancer's default for
 * that client (a new client must book two days ahead, a regular one may book tomorrow). A null
 * {@code maxBookingsPerWeek} follows the default too: a client cannot be freed of a maximum the freelancer set,
 * only given its own.
 */
public record ClientRules(UUID clientId, Integer bufferBeforeMinutes, Integer bufferAfterMinutes,
        Integer minimumNoticeMinutes, Integer horizonDays, Integer maxBookingsPerWeek, Integer changeCutoffMinutes) {

    public static ClientRules none(UUID clientId) {
        return new ClientRules(clientId, null, null, null, null, null, null);
    }
}
