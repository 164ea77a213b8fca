import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import { WEEKDAYS, type Availability, type Slot, type Weekday } from '../api/types';
import { useUser } from '../auth/session';
import { Modal } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { ZoneSelect } from '../components/ZoneSelect';
import { useAvailability } from '../hooks';
import { groupSlotsByDay, today } from '../time/time';
import { addWindow, copyDay, toWeek, toWeekly, windowProblems, type Week } from './availabilityEditor';

const DAY_NAMES: Record<Weekday, string> = {
  MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday',
  SATURDAY: 'Saturday', SUNDAY: 'Sunday',
};

export function AvailabilityPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const availability = useAvailability(user.id);
  const [zone, setZone] = useState(user.timeZone);
  const [week, setWeek] = useState<Week>(() => toWeek([]));
  const [copyFrom, setCopyFrom] = useState<Weekday | null>(null);
  const [copyTo, setCopyTo] = useState<Weekday[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (availability.data) {
      setZone(availability.data.timeZone);
      setWeek(toWeek(availability.data.weekly as { day: Weekday; start: string; end: string }[]));
    }
  }, [availability.data]);
  const save = useMutation({
    mutationFn: () => call<Availability>(api.PUT('/api/availability', { body: { timeZone: zone, weekly: toWeekly(week) } })),
    onSuccess: (a) => {
      queryClient.setQueryData(['availability', user.id], a);
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
      setSaved(true);
    },
  });
  const problems = windowProblems(week);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!problems.size) save.mutate();
  };
  // errors[] name windows by their index in the weekly list we sent: weekly[3].start
  let index = -1;
  const apiError = (i: number) => {
    if (!(save.error instanceof ApiError)) return undefined;
    return save.error.problem.errors?.find((e) => e.field.startsWith(`weekly[${i}]`))?.message;
  };
  const from = today(zone);
  const preview = useQuery({
    queryKey: ['slots', user.id, 'preview', from.toString()],
    enabled: Boolean(availability.data),
    queryFn: () => call(api.GET('/api/availability/{freelancerId}/slots', {
      params: { path: { freelancerId: user.id }, query: { from: from.toString(), to: from.add({ days: 6 }).toString(), durationMinutes: 60, stepMinutes: 60 } },
    })),
  });
  const previewDays = groupSlotsByDay((preview.data?.items ?? []) as Slot[], zone);
  return (
    <section aria-labelledby="availability-title">
      <h1 id="availability-title">Availability</h1>
      <form className="card" onSubmit={submit} noValidate>
        <p className="muted">The weekly hours clients can book, in your zone.</p>
        <ProblemAlert error={availability.error && !(availability.error instanceof ApiError && availability.error.status === 404) ? availability.error : null} />
        <ProblemAlert error={save.error} fields={['weekly']} />
        <Field label="Time zone of these hours" error={fieldError(save.error, 'timeZone')}>
          <ZoneSelect value={zone} onChange={(e) => setZone(e.target.value)} />
        </Field>
        <div className="week-editor">
          {WEEKDAYS.map((day) => {
            const windows = week[day];
            return (
              <fieldset key={day} className="day-row">
                <legend className="sr-only">{DAY_NAMES[day]}</legend>
                <label className="day-switch">
                  <input type="checkbox" checked={windows.length > 0} aria-label={`Available on ${DAY_NAMES[day]}`}
                    onChange={(e) => setWeek({ ...week, [day]: e.target.checked ? [{ start: '09:00', end: '17:00' }] : [] })} />
                  <span aria-hidden="true">{DAY_NAMES[day]}</span>
                </label>
                <ul className="windows">
                  {windows.length === 0 && <li className="muted unavailable">Unavailable</li>}
                  {windows.map((w, i) => {
                    index += 1;
                    const message = problems.get(`${day}:${i}`) ?? apiError(index);
                    const n = i + 1;
                    return (
                      <li key={i} className="window">
                        <div className="window-times">
                          <Field label={`${DAY_NAMES[day]} window ${n} start`} hideLabel>
                            <input type="time" step={900} value={w.start}
                              onChange={(e) => setWeek({ ...week, [day]: windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)) })} />
                          </Field>
                          <span aria-hidden="true">–</span>
                          <Field label={`${DAY_NAMES[day]} window ${n} end`} hideLabel error={message}>
                            <input type="time" step={900} value={w.end}
                              onChange={(e) => setWeek({ ...week, [day]: windows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)) })} />
                          </Field>
                          <button type="button" className="icon" aria-label={`Remove ${DAY_NAMES[day]} window ${n}`}
                            onClick={() => setWeek({ ...week, [day]: windows.filter((_, j) => j !== i) })}>✕</button>
                        </div>
                      </li>
                    );
                  })}
                </ul>
                <div className="day-actions">
                  <button type="button" className="icon" onClick={() => setWeek(addWindow(week, day))} aria-label={`Add a window on ${DAY_NAMES[day]}`}>+</button>
                  <button type="button" onClick={() => { setCopyFrom(day); setCopyTo([]); }} aria-label={`Copy ${DAY_NAMES[day]} to other days`}>Copy to…</button>
                </div>
              </fieldset>
            );
          })}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>Save availability</button>
          {problems.size > 0 && <span role="alert" className="field-error">Fix the marked windows first.</span>}
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
      <div className="card">
        <h2>Next week’s free slots (1 hour)</h2>
        <p className="muted">Times in {zone}.</p>
        <ProblemAlert error={preview.error} />
        {previewDays.length ? (
          <ul className="preview">
            {previewDays.map((d) => (
              <li key={d.date}><strong>{d.label}</strong>: {d.slots.map((s) => s.time).join(', ')}</li>
            ))}
          </ul>
        ) : <p className="empty">{availability.data ? 'No free slots in the next 7 days.' : 'Save your hours to see your free slots.'}</p>}
      </div>
      <Modal open={copyFrom !== null} title={`Copy ${copyFrom ? DAY_NAMES[copyFrom] : ''}’s hours to`} onClose={() => setCopyFrom(null)}>
        <fieldset className="copy-days">
          <legend>Days</legend>
          {WEEKDAYS.filter((d) => d !== copyFrom).map((d) => (
            <label key={d}>
              <input type="checkbox" checked={copyTo.includes(d)}
                onChange={(e) => setCopyTo(e.target.checked ? [...copyTo, d] : copyTo.filter((x) => x !== d))} />
              {DAY_NAMES[d]}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" onClick={() => setCopyTo(WEEKDAYS.filter((d) => d !== copyFrom))}>Select all</button>
          <button type="button" onClick={() => setCopyFrom(null)}>Cancel</button>
          <button type="button" className="primary" onClick={() => { if (copyFrom) setWeek(copyDay(week, copyFrom, copyTo)); setCopyFrom(null); }}>
            Copy
          </button>
        </div>
      </Modal>
    </section>
  );
}
