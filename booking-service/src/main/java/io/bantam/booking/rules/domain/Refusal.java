package io.bantam.booking.rules.domain;

/**
 * Why a policy refuses a booking: the answer's status and stable code, a sentence for people, and for a 409 the
 * party whose time is in the way ({@code FREELANCER} or {@code CLIENT}, else null).
 */
public record Refusal(int status, String code, String message, String conflictingParty) {

    static Refusal unprocessable(String code, String message) {
        return new Refusal(422, code, message, null);
    }

    static Refusal conflict(String party, String message) {
        return new Refusal(409, "booking.conflict", message, party);
    }
}
