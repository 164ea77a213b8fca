package io.bantam.task.task;

import io.bantam.service.paging.Cursors;
import io.bantam.task.task.domain.Task;
import io.bantam.task.task.domain.TaskPosition;

/** The opaque {@code cursor} of the task list: the position of a page's last task. */
public final class TaskCursors {

    private TaskCursors() {
    }

    public static String of(Task task) {
        return Cursors.encode(task.position().toParts().toArray(String[]::new));
    }

    /** The position a cursor holds; null for none (absent or empty); 400 {@code request.invalid} for anything not ours. */
    public static TaskPosition parse(String cursor) {
        return Cursors.decode(cursor, 3, TaskPosition::fromParts);
    }
}
