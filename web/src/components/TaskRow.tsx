import { useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../api/types';
import { today, Temporal } from '../time/time';

type Props = {
  task: Task;
  zone: string;
  clientLabel?: string | undefined;
  onToggle: (task: Task) => void;
  onEdit?: ((task: Task) => void) | undefined;
  onDelete?: ((task: Task) => void) | undefined;
};

export function isOverdue(task: Task, zone: string): boolean {
  return !task.completed && !!task.dueDate && Temporal.PlainDate.compare(Temporal.PlainDate.from(task.dueDate), today(zone)) < 0;
}

/** One task with its one-click done box; overdue ones are marked in words, not only in colour. */
export function TaskRow({ task, zone, clientLabel, onToggle, onEdit, onDelete }: Props) {
  const overdue = isOverdue(task, zone);
  // The click's new state until the cache has a newer task (the optimistic update, the server's answer or the
  // rollback): the optimistic cache write reaches React a tick later, and a controlled box would otherwise be put
  // back unticked for that tick.
  const [clicked, setClicked] = useState<{ task: Task; checked: boolean } | null>(null);
  const checked = clicked?.task === task ? clicked.checked : task.completed;
  return (
    <li className={`task-row${task.completed ? ' done' : ''}${overdue ? ' overdue' : ''}`}>
      <input
        type="checkbox"
        checked={checked}
        onChange={() => {
          setClicked({ task, checked: !task.completed });
          onToggle(task);
        }}
        aria-label={`Done: ${task.title}`}
      />
      <div className="task-main">
        <span className="task-title">{task.title}</span>
        <span className="task-meta">
          <span className={`priority priority-${task.priority.toLowerCase()}`}>{task.priority.toLowerCase()}</span>
          {task.dueDate && <span>due {task.dueDate}</span>}
          {overdue && <strong className="overdue-tag">overdue</strong>}
          {clientLabel && <span>{clientLabel}</span>}
          {task.bookingId && <Link to={`/bookings/${task.bookingId}`} aria-label={`The booking of ${task.title}`}>booking</Link>}
        </span>
      </div>
      {onEdit && <button type="button" onClick={() => onEdit(task)} aria-label={`Edit ${task.title}`}>Edit</button>}
      {onDelete && <button type="button" className="danger-link" onClick={() => onDelete(task)} aria-label={`Delete ${task.title}`}>Delete</button>}
    </li>
  );
}
