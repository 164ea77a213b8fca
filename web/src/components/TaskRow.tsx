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
  return (
    <li className={`task-row${task.completed ? ' done' : ''}${overdue ? ' overdue' : ''}`}>
      <input
        type="checkbox"
        checked={task.completed}
        onChange={() => onToggle(task)}
        aria-label={`Done: ${task.title}`}
      />
      <div className="task-main">
        <span className="task-title">{task.title}</span>
        <span className="task-meta">
          <span className={`priority priority-${task.priority.toLowerCase()}`}>{task.priority.toLowerCase()}</span>
          {task.dueDate && <span>due {task.dueDate}</span>}
          {overdue && <strong className="overdue-tag">overdue</strong>}
          {clientLabel && <span>{clientLabel}</span>}
        </span>
      </div>
      {onEdit && <button type="button" onClick={() => onEdit(task)} aria-label={`Edit ${task.title}`}>Edit</button>}
      {onDelete && <button type="button" className="danger-link" onClick={() => onDelete(task)} aria-label={`Delete ${task.title}`}>Delete</button>}
    </li>
  );
}
