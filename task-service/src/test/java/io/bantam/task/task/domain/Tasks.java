package io.bantam.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Test data: {@code aTask().due(date).client(id).build()}. */
public final class Tasks {

    public static final UUID FREELANCER = UUID.fromString("11111111-1111-1111-1111-111111111111");
    public static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");

    private Tasks() {
    }

    public static Builder aTask() {
        return new Builder();
    }

    public static final class Builder {
        private UUID id = UUID.randomUUID();
        private UUID client;
        private String title = "Send the invoice";
        private String description = "";
        private Priority priority = Priority.MEDIUM;
        private boolean completed;
        private LocalDate due;
        private Instant created = CREATED;

        public Builder id(UUID value) {
            id = value;
            return this;
        }

        public Builder client(UUID value) {
            client = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        public Builder completed(boolean value) {
            completed = value;
            return this;
        }

        public Builder due(LocalDate value) {
            due = value;
            return this;
        }

        public Builder created(Instant value) {
            created = value;
            return this;
        }

        public Task build() {
            return new Task(id, FREELANCER, client, title, description, priority, completed, due, created, created, null);
        }
    }
}
