package io.bantam.relationship.relationship.domain;

/** The pair already has an active relationship: the database's verdict, race included. */
public class ActiveRelationshipExistsException extends RuntimeException {

    public ActiveRelationshipExistsException() {
        super("The pair already has an active relationship", null, false, false);
    }
}
