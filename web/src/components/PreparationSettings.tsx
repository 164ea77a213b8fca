import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { Field } from './Field';
import { fieldError, ProblemAlert } from './ProblemAlert';
import { ruleProblem } from '../pages/bookingRules';

type Settings = { prepareForBookings: boolean; prepareDaysBefore: number };
const DAYS = { min: 0, max: 14 };

/** GET/PUT /api/tasks/settings: a preparation task for each new booking, due some days before it. */
export function PreparationSettings() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['task-settings'], queryFn: () => call<Settings>(api.GET('/api/tasks/settings')) });
  const [on, setOn] = useState(false);
  const [days, setDays] = useState('1');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) {
      setOn(settings.data.prepareForBookings);
      setDays(String(settings.data.prepareDaysBefore));
    }
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (body: Settings) => call<Settings>(api.PUT('/api/tasks/settings', { body })),
    onSuccess: (s) => { queryClient.setQueryData(['task-settings'], s); setSaved(true); },
  });
  const problem = ruleProblem(DAYS, days, false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!problem) save.mutate({ prepareForBookings: on, prepareDaysBefore: Number(days.trim()) });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="prepare-title">
      <h2 id="prepare-title">Preparation tasks</h2>
      <ProblemAlert error={settings.error} />
      <ProblemAlert error={save.error} fields={['prepareDaysBefore']} />
      <label className="inline-check">
        <input type="checkbox" role="switch" checked={on} onChange={(e) => { setSaved(false); setOn(e.target.checked); }} />
        Prepare for bookings (a task “Prepare: …” for each new booking)
      </label>
      <Field label="Days before the booking" hint="0–14; 0: on the day" error={problem ?? fieldError(save.error, 'prepareDaysBefore')}>
        <input inputMode="numeric" value={days} disabled={!on} onChange={(e) => { setSaved(false); setDays(e.target.value); }} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending || !settings.data}>Save preparation</button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
