import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, call } from '../api/client';
import type { Priority, Task } from '../api/types';
import { useUser } from '../auth/session';
import { ConfirmDialog, Modal } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { TaskForm, taskBody, type TaskDraft } from '../components/TaskForm';
import { TaskRow } from '../components/TaskRow';
import { clientName, useRelationships, useTasks, useToggleTask } from '../hooks';

type Status = 'open' | 'done' | 'all';

export function TasksPage() {
  const user = useUser();
  const zone = user.timeZone;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [clientId, setClientId] = useState('');
  const [dueBefore, setDueBefore] = useState('');
  const query = {
    ...(status === 'all' ? {} : { completed: status === 'done' }),
    ...(priority ? { priority } : {}),
    ...(clientId ? { clientId } : {}),
    ...(dueBefore ? { dueBefore } : {}),
  };
  const tasks = useTasks(query);
  const relationships = useRelationships();
  const clients = (relationships.data ?? []).filter((r) => r.status === 'ACTIVE');
  const byClient = useMemo(() => new Map((relationships.data ?? []).map((r) => [r.clientId, r])), [relationships.data]);
  const toggle = useToggleTask();
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<Task | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tasks'] });
  const create = useMutation({
    mutationFn: (draft: TaskDraft) => call<Task>(api.POST('/api/tasks', { body: taskBody(draft, false) as never })),
    onSuccess: () => {
      setFormKey((k) => k + 1);
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, draft }: { id: string; draft: TaskDraft }) =>
      call<Task>(api.PATCH('/api/tasks/{id}', { params: { path: { id } }, body: taskBody(draft, true) as never })),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/tasks/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setDeleting(null);
      void refresh();
    },
  });
  const filtered = status !== 'open' || priority || clientId || dueBefore;
  return (
    <section aria-labelledby="tasks-title">
      <h1 id="tasks-title">Tasks</h1>
      <details className="card" open>
        <summary>New task</summary>
        <TaskForm key={formKey} clients={clients} error={create.error} busy={create.isPending} submitLabel="Add task"
          onSubmit={(draft) => create.mutate(draft)} />
      </details>
      <div className="card">
        <div className="filters" role="group" aria-label="Filters">
          <Field label="Show">
            <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
              <option value="open">Open</option>
              <option value="done">Done</option>
              <option value="all">All</option>
            </select>
          </Field>
          <Field label="Priority filter">
            <select value={priority} onChange={(e) => setPriority(e.target.value as Priority | '')}>
              <option value="">Any</option>
              <option value="HIGH">High</option>
              <option value="MEDIUM">Medium</option>
              <option value="LOW">Low</option>
            </select>
          </Field>
          <Field label="Client filter">
            <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
              <option value="">Any</option>
              {(relationships.data ?? []).map((r) => <option key={r.clientId} value={r.clientId}>{clientName(r)}</option>)}
            </select>
          </Field>
          <Field label="Due before">
            <input type="date" value={dueBefore} onChange={(e) => setDueBefore(e.target.value)} />
          </Field>
        </div>
        <ProblemAlert error={tasks.error ?? toggle.error ?? remove.error} />
        {tasks.isPending ? <p aria-busy="true">Loading…</p> : tasks.data?.length ? (
          <ul className="task-list">
            {tasks.data.map((t) => (
              <TaskRow key={t.id} task={t} zone={zone}
                clientLabel={t.clientId ? clientName(byClient.get(t.clientId)) : undefined}
                onToggle={(task) => toggle.mutate(task)} onEdit={setEditing} onDelete={setDeleting} />
            ))}
          </ul>
        ) : (
          <p className="empty">{filtered ? 'No task matches these filters.' : 'Nothing to do. Add a task above.'}</p>
        )}
      </div>
      <Modal open={editing !== null} title="Edit task" onClose={() => setEditing(null)}>
        {editing && (
          <TaskForm initial={editing} clients={clients} error={update.error} busy={update.isPending} submitLabel="Save task"
            onSubmit={(draft) => update.mutate({ id: editing.id, draft })} onCancel={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmDialog open={deleting !== null} title={`Delete “${deleting?.title ?? ''}”?`} confirmLabel="Delete task" danger
        busy={remove.isPending} onConfirm={() => deleting && remove.mutate(deleting.id)} onCancel={() => setDeleting(null)}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
