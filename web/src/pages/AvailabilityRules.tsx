// The Availability page's rules: booking rules, date overrides, time off, per-client rules and the bookings
// that no longer fit (CONTRACT.md, "Booking rules, date overrides and time off").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, call, callCounting } from '../api/client';
import { ApiError } from '../api/problem';
import type { Booking, DateOverride, TimeOff } from '../api/types';
import { useUser } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { allPages, clientName, useRelationships } from '../hooks';
import { formatInstant, formatSpan, today } from '../time/time';
import {
  clientBody, clientDraft, clientProblems, DEFAULT_RULES, describeRule, localToInstant, overrideBody, overrideProblems,
  REASONS, RULES, rulesBody, rulesDraft, rulesProblems, timeOffProblems,
  type BookingRules, type ClientRuleDraft, type ClientRules, type OverrideDraft, type RulesDraft, type TimeOffDraft,
} from './bookingRules';

export type { DateOverride, TimeOff } from '../api/types';
export type Stranded = { booking: Booking; reasons: string[] };

/** After a change: how many future bookings no longer fit, with a link to the list. */
export function StrandedNotice({ count }: { count: number | null }) {
  if (count === null) return null;
  return (
    <p role="status" className={count ? 'notice warn' : 'notice'}>
      {count === 0 ? 'Every future booking still fits.'
        : <>{count === 1 ? '1 future booking no longer fits' : `${count} future bookings no longer fit`} your availability. Nothing was moved or cancelled. <a href="#stranded-title">See the list</a>.</>}
    </p>
  );
}

export function RulesForm({ rules }: { rules: BookingRules | undefined }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RulesDraft>(() => rulesDraft(rules));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(rulesDraft(rules)), [rules]);
  const save = useMutation({
    mutationFn: () => call<BookingRules>(api.PUT('/api/availability/rules', { body: rulesBody(draft) })),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['availability', user.id] });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
  });
  const problems = rulesProblems(draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!problems.size) save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="rules-title">
      <h2 id="rules-title">Booking rules</h2>
      <p className="muted">How clients may book you. Your own bookings are not bound by them.</p>
      <ProblemAlert error={save.error} fields={RULES.map((r) => r.key)} />
      <div className="rules-grid">
        {RULES.map((spec) => (
          <Field key={spec.key} label={`${spec.label} (${spec.unit})`}
            hint={spec.key === 'maxBookingsPerWeek' ? `${spec.min}–${spec.max}; empty: no maximum` : `${spec.min}–${spec.max}`}
            error={problems.get(spec.key) ?? fieldError(save.error, spec.key)}>
            <input inputMode="numeric" value={draft[spec.key]}
              onChange={(e) => { setSaved(false); setDraft({ ...draft, [spec.key]: e.target.value }); }} />
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>Save rules</button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}

const emptyOverride = (date: string): OverrideDraft => ({ date, closed: false, windows: [{ start: '09:00', end: '17:00' }] });

export function OverridesSection({ overrides, zone, onStranded }: { overrides: DateOverride[]; zone: string; onStranded: (n: number | null) => void }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const todayIso = today(zone).toString();
  const [draft, setDraft] = useState<OverrideDraft>(() => emptyOverride(todayIso));
  const [checked, setChecked] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['availability', user.id] });
    void queryClient.invalidateQueries({ queryKey: ['slots'] });
    void queryClient.invalidateQueries({ queryKey: ['stranded'] });
  };
  const save = useMutation({
    mutationFn: () => callCounting<DateOverride>(api.PUT('/api/availability/overrides/{date}', {
      params: { path: { date: draft.date } }, body: overrideBody(draft),
    })),
    onSuccess: ({ stranded }) => { onStranded(stranded); setChecked(false); setDraft(emptyOverride(todayIso)); refresh(); },
  });
  const remove = useMutation({
    mutationFn: (date: string) => callCounting<unknown>(api.DELETE('/api/availability/overrides/{date}', { params: { path: { date } } })),
    onSuccess: ({ stranded }) => { onStranded(stranded); refresh(); },
  });
  const problems = checked ? overrideProblems(draft, todayIso) : new Map<string, string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!overrideProblems(draft, todayIso).size) save.mutate();
  };
  const apiWindowError = (i: number) =>
    save.error instanceof ApiError ? save.error.problem.errors?.find((x) => x.field.startsWith(`windows[${i}]`))?.message : undefined;
  return (
    <div className="card">
      <h2 id="overrides-title">Date overrides</h2>
      <p className="muted">Other hours, or a closed day, on one date. Times in {zone}.</p>
      <form onSubmit={submit} noValidate aria-labelledby="overrides-title">
        <ProblemAlert error={save.error} fields={['windows', 'date']} />
        <Field label="Date" error={problems.get('date') ?? fieldError(save.error, 'date')}>
          <input type="date" min={todayIso} value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
        </Field>
        <label className="inline-check">
          <input type="checkbox" checked={draft.closed} onChange={(e) => setDraft({ ...draft, closed: e.target.checked })} />
          Closed all day
        </label>
        {!draft.closed && (
          <ul className="windows">
            {draft.windows.map((w, i) => (
              <li key={i} className="window-times">
                <Field label={`Window ${i + 1} start`} hideLabel>
                  <input type="time" step={900} value={w.start}
                    onChange={(e) => setDraft({ ...draft, windows: draft.windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)) })} />
                </Field>
                <span aria-hidden="true">–</span>
                <Field label={`Window ${i + 1} end`} hideLabel error={problems.get(`windows[${i}]`) ?? apiWindowError(i)}>
                  <input type="time" step={900} value={w.end}
                    onChange={(e) => setDraft({ ...draft, windows: draft.windows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)) })} />
                </Field>
                <button type="button" className="icon" aria-label={`Remove window ${i + 1}`}
                  onClick={() => setDraft({ ...draft, windows: draft.windows.filter((_, j) => j !== i) })}>✕</button>
              </li>
            ))}
          </ul>
        )}
        {problems.get('windows') && <p className="field-error">{problems.get('windows')}</p>}
        <div className="actions">
          {!draft.closed && (
            <button type="button" onClick={() => setDraft({ ...draft, windows: [...draft.windows, { start: '18:00', end: '19:00' }] })}>Add a window</button>
          )}
          <button type="submit" className="primary" disabled={save.isPending}>Save override</button>
        </div>
      </form>
      <ProblemAlert error={remove.error} />
      {overrides.length ? (
        <ul className="plain-list" aria-label="Date overrides">
          {overrides.map((o) => (
            <li key={o.date}>
              <span><strong>{o.date}</strong>: {o.windows.length ? o.windows.map((w) => `${w.start.slice(0, 5)}–${w.end.slice(0, 5)}`).join(', ') : 'closed'}</span>
              <button type="button" className="danger-link" aria-label={`Delete the override of ${o.date}`}
                disabled={remove.isPending} onClick={() => remove.mutate(o.date)}>Delete</button>
            </li>
          ))}
        </ul>
      ) : <p className="empty">No date overrides: every date follows the week.</p>}
    </div>
  );
}

export function TimeOffSection({ timeOff, zone, onStranded }: { timeOff: TimeOff[]; zone: string; onStranded: (n: number | null) => void }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TimeOffDraft>({ start: '', end: '', note: '' });
  const [checked, setChecked] = useState(false);
  const [deleting, setDeleting] = useState<TimeOff | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['availability', user.id] });
    void queryClient.invalidateQueries({ queryKey: ['slots'] });
    void queryClient.invalidateQueries({ queryKey: ['stranded'] });
  };
  const add = useMutation({
    mutationFn: () => callCounting<TimeOff>(api.POST('/api/availability/time-off', {
      body: {
        start: localToInstant(draft.start, zone) ?? '', end: localToInstant(draft.end, zone) ?? '',
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      },
    })),
    onSuccess: ({ stranded }) => { onStranded(stranded); setChecked(false); setDraft({ start: '', end: '', note: '' }); refresh(); },
  });
  const remove = useMutation({
    mutationFn: (id: string) => callCounting<unknown>(api.DELETE('/api/availability/time-off/{id}', { params: { path: { id } } })),
    onSuccess: ({ stranded }) => { onStranded(stranded); setDeleting(null); refresh(); },
  });
  const problems = checked ? timeOffProblems(draft, zone) : new Map<string, string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!timeOffProblems(draft, zone).size) add.mutate();
  };
  return (
    <div className="card">
      <h2 id="time-off-title">Time off</h2>
      <p className="muted">No client can book you then. Times in {zone}.</p>
      <form onSubmit={submit} noValidate aria-labelledby="time-off-title">
        <ProblemAlert error={add.error} fields={['start', 'end', 'note']} />
        <div className="rules-grid">
          <Field label="Time off starts" error={problems.get('start') ?? fieldError(add.error, 'start')}>
            <input type="datetime-local" value={draft.start} onChange={(e) => setDraft({ ...draft, start: e.target.value })} />
          </Field>
          <Field label="Time off ends" error={problems.get('end') ?? fieldError(add.error, 'end')}>
            <input type="datetime-local" value={draft.end} onChange={(e) => setDraft({ ...draft, end: e.target.value })} />
          </Field>
        </div>
        <Field label="Note (only you see it)" error={problems.get('note') ?? fieldError(add.error, 'note')}>
          <input maxLength={500} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={add.isPending}>Add time off</button>
        </div>
      </form>
      <ProblemAlert error={remove.error} />
      {timeOff.length ? (
        <ul className="plain-list" aria-label="Time off">
          {timeOff.map((t) => (
            <li key={t.id}>
              <span>{formatSpan(t.start, t.end, zone)}{t.note ? ` · ${t.note}` : ''}</span>
              <button type="button" className="danger-link" aria-label={`Delete time off from ${formatInstant(t.start, zone)}`}
                onClick={() => setDeleting(t)}>Delete</button>
            </li>
          ))}
        </ul>
      ) : <p className="empty">No time off planned.</p>}
      <ConfirmDialog open={deleting !== null} title="Delete this time off?" confirmLabel="Delete time off" danger
        busy={remove.isPending} onCancel={() => setDeleting(null)} onConfirm={() => deleting && remove.mutate(deleting.id)}>
        {deleting && <p>{formatSpan(deleting.start, deleting.end, zone)}: clients can book these hours again.</p>}
      </ConfirmDialog>
    </div>
  );
}

export function ClientRulesSection({ defaults }: { defaults: BookingRules }) {
  const relationships = useRelationships();
  const active = (relationships.data ?? []).filter((r) => r.status === 'ACTIVE');
  const [clientId, setClientId] = useState('');
  const current = useQuery({
    queryKey: ['client-rules', clientId],
    enabled: Boolean(clientId),
    queryFn: () => call<ClientRules>(api.GET('/api/availability/clients/{clientId}/rules', { params: { path: { clientId } } })),
  });
  const [draft, setDraft] = useState<ClientRuleDraft | null>(null);
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setDraft(current.data ? clientDraft(current.data, defaults) : null);
    setChecked(false);
  }, [current.data, defaults]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof clientBody>) =>
      call<ClientRules>(api.PUT('/api/availability/clients/{clientId}/rules', { params: { path: { clientId } }, body })),
    onSuccess: (r) => { queryClient.setQueryData(['client-rules', clientId], r); setSaved(true); void queryClient.invalidateQueries({ queryKey: ['slots'] }); },
  });
  const problems = draft && checked ? clientProblems(draft) : new Map();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setSaved(false);
    if (draft && !clientProblems(draft).size) save.mutate(clientBody(draft));
  };
  const name = clientName(active.find((r) => r.clientId === clientId));
  return (
    <div className="card">
      <h2 id="client-rules-title">Rules for one client</h2>
      <p className="muted">A client’s own rules replace your defaults for that client.</p>
      <ProblemAlert error={relationships.error} />
      <Field label="Client">
        <select value={clientId} onChange={(e) => { setClientId(e.target.value); setSaved(false); save.reset(); }}>
          <option value="">Choose a client…</option>
          {active.map((r) => <option key={r.clientId} value={r.clientId}>{clientName(r)}</option>)}
        </select>
      </Field>
      <ProblemAlert error={current.error} />
      {clientId && draft && (
        <form onSubmit={submit} noValidate aria-labelledby="client-rules-title">
          <ProblemAlert error={save.error} fields={RULES.map((r) => r.key)} />
          {RULES.map((spec) => {
            const d = draft[spec.key];
            return (
              <fieldset key={spec.key} className="client-rule">
                <legend>{spec.label} ({spec.unit})</legend>
                <label className="inline-check">
                  <input type="checkbox" checked={d.useDefault} aria-label={`${spec.label}: use default (${describeRule(spec, defaults[spec.key])})`}
                    onChange={(e) => { setSaved(false); setDraft({ ...draft, [spec.key]: { ...d, useDefault: e.target.checked } }); }} />
                  Use default ({describeRule(spec, defaults[spec.key])})
                </label>
                {!d.useDefault && (
                  <Field label={`${spec.label} for ${name}`} hideLabel hint={`${spec.min}–${spec.max}`}
                    error={problems.get(spec.key) ?? fieldError(save.error, spec.key)}>
                    <input inputMode="numeric" value={d.value}
                      onChange={(e) => { setSaved(false); setDraft({ ...draft, [spec.key]: { ...d, value: e.target.value } }); }} />
                  </Field>
                )}
              </fieldset>
            );
          })}
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>Save rules for {name}</button>
            {saved && <span role="status">Saved.</span>}
          </div>
        </form>
      )}
    </div>
  );
}

export function StrandedSection({ zone }: { zone: string }) {
  const relationships = useRelationships();
  const stranded = useQuery({
    queryKey: ['stranded'],
    queryFn: () => allPages<Stranded>((cursor) =>
      call(api.GET('/api/availability/stranded', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }))),
  });
  const items = stranded.data ?? [];
  return (
    <div className="card">
      <h2 id="stranded-title" tabIndex={-1}>Bookings that no longer fit</h2>
      <p className="muted">Future bookings by clients that your availability or time off no longer allows. They stay as they are until you move or cancel them.</p>
      <ProblemAlert error={stranded.error} />
      {items.length ? (
        <ul className="plain-list" aria-labelledby="stranded-title">
          {items.map(({ booking, reasons }) => (
            <li key={booking.id}>
              <span>
                <Link to={`/bookings/${booking.id}`}>{booking.title}</Link>
                {' · '}{formatSpan(booking.start, booking.end, zone)}
                {' · '}{clientName((relationships.data ?? []).find((r) => r.clientId === booking.clientId))}
                {' · '}<strong>{reasons.map((r) => REASONS[r] ?? r).join(' and ')}</strong>
              </span>
            </li>
          ))}
        </ul>
      ) : <p className="empty">{stranded.isPending ? 'Loading…' : 'None: every future booking fits.'}</p>}
    </div>
  );
}

export const NO_RULES = DEFAULT_RULES;
