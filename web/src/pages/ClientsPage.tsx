import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import type { Relationship } from '../api/types';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { clientName, useRelationships } from '../hooks';
import { nowIn } from '../time/time';

export function ClientsPage() {
  const relationships = useRelationships();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [email, setEmail] = useState('');
  const [connected, setConnected] = useState<string | null>(null);
  const connect = useMutation({
    mutationFn: () => call<Relationship>(api.POST('/api/relationships', { body: { clientEmail: email } })),
    onSuccess: (r) => {
      setConnected(clientName(r));
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['relationships'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConnected(null);
    connect.mutate();
  };
  const words = search.trim().toLowerCase();
  const list = (relationships.data ?? []).filter((r) =>
    !words || [r.client?.name, r.client?.preferredName, r.client?.email].some((v) => v?.toLowerCase().includes(words)));
  return (
    <section aria-labelledby="clients-title">
      <h1 id="clients-title">Clients</h1>
      <form className="card inline-form" onSubmit={submit} noValidate>
        <h2>Connect a client</h2>
        <p className="muted">Your client signs up as a client first; then connect them by their email.</p>
        <ProblemAlert error={connect.error} fields={['clientEmail']} />
        {connected && <p role="status">Connected with {connected}.</p>}
        <div className="row">
          <Field label="Client's email" error={fieldError(connect.error, 'clientEmail')}>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </Field>
          <button type="submit" className="primary" disabled={connect.isPending || !email}>Connect</button>
        </div>
      </form>
      <div className="card">
        <Field label="Search clients">
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </Field>
        <ProblemAlert error={relationships.error} />
        {relationships.isPending ? <p aria-busy="true">Loading…</p> : list.length ? (
          <ul className="client-list">
            {list.map((r) => (
              <li key={r.id}>
                <Link to={`/clients/${r.id}`}>{clientName(r)}</Link>
                <span className="muted">{r.client?.email}</span>
                {r.client?.timeZone && <span className="muted">{nowIn(r.client.timeZone)} ({r.client.timeZone})</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{words ? 'No client matches this search.' : 'No clients yet: connect one above.'}</p>
        )}
      </div>
    </section>
  );
}
