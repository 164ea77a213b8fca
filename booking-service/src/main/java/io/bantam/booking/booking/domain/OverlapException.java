package io.bantam.booking.booking.domain;

/**
 * The database refused a booking's time because one of its parties already has a booking then (whichever side
 * of that other booking it is on).
 */
public class OverlapException extends RuntimeException {

    private final Party party;

    public OverlapException(Party party) {
        super(party + " already has a booking that overlaps", null, false, false);
        this.party = party;
    }

    /** The party of the refused booking that has the overlapping booking. */
    public Party party() {
        return party;
    }
}
