import { useState, type FormEvent } from 'react';
import type { Priority, Relationship, Task } from '../api/types';
import { clientName } from '../hooks';
import { Field } from './Field';
import { fieldError, ProblemAlert } from './ProblemAlert';

export type TaskDraft = { title: string; description: string; priority: Priority; dueDate: string; clientId: string };

export function draftOf(task?: Task): TaskDraft {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    priority: (task?.priority as Priority | undefined) ?? 'MEDIUM',
    dueDate: task?.dueDate ?? '',
    clientId: task?.clientId ?? '',
  };
}

/** The body the API takes: empty fields are left out on create and cleared (null) on edit. */
export function taskBody(draft: TaskDraft, editing: boolean) {
  const empty = editing ? null : undefined;
  return {
    title: draft.title,
    description: draft.description || (editing ? '' : undefined),
    priority: draft.priority,
    dueDate: draft.dueDate || empty,
    clientId: draft.clientId || empty,
  };
}

type Props = {
  initial?: Task | undefined;
  clients: Relationship[];
  error: unknown;
  busy: boolean;
  submitLabel: string;
  onSubmit: (draft: TaskDraft) => void;
  onCancel?: (() => void) | undefined;
};

export function TaskForm({ initial, clients, error, busy, submitLabel, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [missingTitle, setMissingTitle] = useState(false);
  const set = (key: keyof TaskDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = !draft.title.trim();
    setMissingTitle(missing);
    if (!missing) onSubmit(draft);
  };
  return (
    <form onSubmit={submit} noValidate className="task-form">
      <ProblemAlert error={error} fields={['title', 'description', 'priority', 'dueDate', 'clientId']} />
      <Field label="Title" error={missingTitle ? 'Give the task a title.' : fieldError(error, 'title')}>
        <input value={draft.title} onChange={set('title')} maxLength={200} />
      </Field>
      <Field label="Description" error={fieldError(error, 'description')}>
        <textarea value={draft.description} onChange={set('description')} rows={2} maxLength={5000} />
      </Field>
      <div className="row">
        <Field label="Priority" error={fieldError(error, 'priority')}>
          <select value={draft.priority} onChange={set('priority')}>
            <option value="LOW">Low</option>
            <option value="MEDIUM">Medium</option>
            <option value="HIGH">High</option>
          </select>
        </Field>
        <Field label="Due date" error={fieldError(error, 'dueDate')}>
          <input type="date" value={draft.dueDate} onChange={set('dueDate')} />
        </Field>
        <Field label="Client" error={fieldError(error, 'clientId')}>
          <select value={draft.clientId} onChange={set('clientId')}>
            <option value="">General (no client)</option>
            {clients.map((r) => <option key={r.clientId} value={r.clientId}>{clientName(r)}</option>)}
          </select>
        </Field>
      </div>
      <div className="actions">
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
        <button type="submit" className="primary" disabled={busy}>{submitLabel}</button>
      </div>
    </form>
  );
}
