package io.bantam.relationship.relationship.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/relationships}: the email of the client account to connect to. */
record ConnectRequest(@NotBlank @Email @Size(max = 254) String clientEmail) {

    /** Surrounding blanks are no part of an email (identity-service trims them too). */
    ConnectRequest {
        clientEmail = clientEmail == null ? null : clientEmail.strip();
    }
}
