package io.bantam.task.task.domain;

/** How much a task matters. */
public enum Priority {
    LOW,
    MEDIUM,
    HIGH;

    public static final Priority DEFAULT = MEDIUM;
}
