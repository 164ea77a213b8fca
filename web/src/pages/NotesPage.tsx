import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import type { Note } from '../api/types';
import { useUser } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { allPages, clientName, useRelationships } from '../hooks';
import { formatInstant } from '../time/time';

export function NotesPage() {
  const user = useUser();
  const zone = user.timeZone;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client') ?? '';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const relationships = useRelationships();
  const byClient = new Map((relationships.data ?? []).map((r) => [r.clientId, r]));
  const active = (relationships.data ?? []).filter((r) => r.status === 'ACTIVE');
  const query = { ...(clientId ? { clientId } : {}), ...(q ? { q } : {}) };
  const notes = useQuery({
    queryKey: ['notes', query],
    queryFn: () => allPages<Note>((cursor) =>
      call(api.GET('/api/notes', { params: { query: { ...query, limit: 500, ...(cursor ? { cursor } : {}) } } }))),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notes'] });
  const [text, setText] = useState('');
  const [newFor, setNewFor] = useState('');
  const writeFor = clientId || newFor;
  const create = useMutation({
    mutationFn: () => call<Note>(api.POST('/api/notes', { body: { clientId: writeFor, text } })),
    onSuccess: () => {
      setText('');
      void refresh();
    },
  });
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const update = useMutation({
    mutationFn: (e: { id: string; text: string }) =>
      call<Note>(api.PATCH('/api/notes/{id}', { params: { path: { id: e.id } }, body: { text: e.text } })),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });
  const [deleting, setDeleting] = useState<Note | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/notes/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setDeleting(null);
      void refresh();
    },
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam('q', search.trim());
  };
  const submitNote = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="notes-title">
      <h1 id="notes-title">Notes</h1>
      <div className="card">
        <form className="row" onSubmit={submitSearch} role="search">
          <Field label="Search notes" hint="All words must match, in any order (“call” also finds “calling”).">
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </Field>
          <button type="submit">Search</button>
          <Field label="Client">
            <select value={clientId} onChange={(e) => setParam('client', e.target.value)}>
              <option value="">All clients</option>
              {(relationships.data ?? []).map((r) => <option key={r.clientId} value={r.clientId}>{clientName(r)}</option>)}
            </select>
          </Field>
        </form>
      </div>
      <form className="card" onSubmit={submitNote} noValidate>
        <h2>New note</h2>
        <ProblemAlert error={create.error} fields={['text', 'clientId']} />
        {!clientId && (
          <Field label="About" error={fieldError(create.error, 'clientId')}>
            <select value={newFor} onChange={(e) => setNewFor(e.target.value)}>
              <option value="">Choose a client</option>
              {active.map((r) => <option key={r.clientId} value={r.clientId}>{clientName(r)}</option>)}
            </select>
          </Field>
        )}
        <Field label="Note" error={fieldError(create.error, 'text')}>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={10000} />
        </Field>
        <button type="submit" className="primary" disabled={create.isPending || !writeFor || !text.trim()}>Save note</button>
      </form>
      <div className="card">
        <ProblemAlert error={notes.error ?? remove.error} />
        {notes.isPending ? <p aria-busy="true">Loading…</p> : notes.data?.length ? (
          <ul className="note-list">
            {notes.data.map((n) => (
              <li key={n.id}>
                {editing?.id === n.id ? (
                  <form onSubmit={(e) => { e.preventDefault(); update.mutate(editing); }}>
                    <ProblemAlert error={update.error} fields={['text']} />
                    <Field label="Edit note" error={fieldError(update.error, 'text')}>
                      <textarea value={editing.text} rows={3} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />
                    </Field>
                    <div className="actions">
                      <button type="button" onClick={() => setEditing(null)}>Cancel</button>
                      <button type="submit" className="primary" disabled={update.isPending}>Save</button>
                    </div>
                  </form>
                ) : (
                  <>
                    <p className="note-text">{n.text}</p>
                    <small className="muted">
                      <Link to={`/clients/${byClient.get(n.clientId)?.id ?? ''}`}>{clientName(byClient.get(n.clientId))}</Link>
                      {' · '}{formatInstant(n.updatedAt, zone)}
                    </small>
                    <div className="actions">
                      <button type="button" onClick={() => setEditing({ id: n.id, text: n.text })}
                        aria-label={`Edit the note about ${clientName(byClient.get(n.clientId))} from ${formatInstant(n.createdAt, zone)}`}>Edit</button>
                      <button type="button" className="danger-link" onClick={() => setDeleting(n)}
                        aria-label={`Delete the note about ${clientName(byClient.get(n.clientId))} from ${formatInstant(n.createdAt, zone)}`}>Delete</button>
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{q ? `No note matches “${q}”.` : 'No notes yet.'}</p>
        )}
      </div>
      <ConfirmDialog open={deleting !== null} title="Delete this note?" confirmLabel="Delete note" danger busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)} onCancel={() => setDeleting(null)}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
