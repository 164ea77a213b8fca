import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { isNotFound } from '../api/problem';
import type { Note, Relationship } from '../api/types';
import { useUser } from '../auth/session';
import { BookingList } from '../components/BookingList';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NotFoundPage } from '../components/NotFoundPage';
import { ProblemAlert } from '../components/ProblemAlert';
import { TaskRow } from '../components/TaskRow';
import { allPages, clientName, useBookings, useTasks, useToggleTask } from '../hooks';
import { dayRange, formatInstant, nowIn, today } from '../time/time';

export function ClientPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const zone = user.timeZone;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const relationship = useQuery({
    queryKey: ['relationship', id],
    queryFn: () => call<Relationship>(api.GET('/api/relationships/{id}', { params: { path: { id } } })),
    retry: false,
  });
  const clientId = relationship.data?.clientId;
  const range = dayRange(today(zone).subtract({ days: 30 }), zone, 120);
  const bookings = useBookings(range.from, range.to);
  const tasks = useTasks({ clientId: clientId ?? '' }, Boolean(clientId));
  const notes = useQuery({
    queryKey: ['notes', { clientId }],
    enabled: Boolean(clientId),
    queryFn: () => allPages<Note>((cursor) =>
      call(api.GET('/api/notes', { params: { query: { clientId: clientId!, limit: 500, ...(cursor ? { cursor } : {}) } } }))),
  });
  const toggle = useToggleTask();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: () => call(api.DELETE('/api/relationships/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['relationships'] });
      void queryClient.invalidateQueries({ queryKey: ['relationship', id] });
    },
  });
  if (isNotFound(relationship.error)) return <NotFoundPage />;
  if (relationship.isPending) return <p aria-busy="true">Loading…</p>;
  if (!relationship.data) return <ProblemAlert error={relationship.error} />;
  const r = relationship.data;
  const c = r.client;
  const name = clientName(r);
  const theirBookings = (bookings.data ?? []).filter((b) => b.clientId === r.clientId);
  return (
    <section aria-labelledby="client-title">
      <p><Link to="/clients">All clients</Link></p>
      <h1 id="client-title">{name}</h1>
      {r.status === 'ENDED' && <p role="status" className="badge">Relationship ended{r.endedAt ? ` on ${formatInstant(r.endedAt, zone)}` : ''}</p>}
      <div className="grid-2">
        <div className="card">
          <h2>Profile</h2>
          <dl className="profile">
            <dt>Name</dt><dd>{c?.name}</dd>
            <dt>Preferred name</dt><dd>{c?.preferredName || '—'}</dd>
            <dt>Pronouns</dt><dd>{c?.pronouns || '—'}</dd>
            <dt>Email</dt><dd>{c?.email}</dd>
            <dt>Phone</dt><dd>{c?.phone || '—'}</dd>
            <dt>Time zone</dt><dd>{c?.timeZone}</dd>
            {c?.timeZone && (<><dt>Their local time</dt><dd>{nowIn(c.timeZone)}</dd></>)}
          </dl>
          {r.status === 'ACTIVE' && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>End relationship</button>
          )}
          <ProblemAlert error={end.error} />
        </div>
        <div className="card">
          <h2>Bookings</h2>
          <BookingList bookings={theirBookings} zone={zone} partyName={() => name} empty="No bookings in the last month or the next three." />
          <h2>Tasks</h2>
          <ProblemAlert error={tasks.error ?? toggle.error} />
          {tasks.data?.length ? (
            <ul className="task-list">
              {tasks.data.map((t) => <TaskRow key={t.id} task={t} zone={zone} onToggle={(task) => toggle.mutate(task)} />)}
            </ul>
          ) : <p className="empty">No tasks about {name}. <Link to="/tasks">Tasks</Link></p>}
          <h2>Notes</h2>
          <ProblemAlert error={notes.error} />
          {notes.data?.length ? (
            <ul className="note-list">
              {notes.data.map((n) => (
                <li key={n.id}><p className="note-text">{n.text}</p><small className="muted">{formatInstant(n.updatedAt, zone)}</small></li>
              ))}
            </ul>
          ) : <p className="empty">No notes about {name}. <Link to={`/notes?client=${r.clientId}`}>Write one</Link></p>}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`End the relationship with ${name}?`}
        confirmLabel="End relationship"
        danger
        busy={end.isPending}
        onConfirm={() => end.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>Existing bookings, tasks and notes stay. New bookings, tasks and notes for {name} will be refused.</p>
      </ConfirmDialog>
      {end.isSuccess && <p role="status">The relationship has ended. <button type="button" onClick={() => navigate('/clients')}>Back to clients</button></p>}
    </section>
  );
}
