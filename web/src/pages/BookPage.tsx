import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import type { Booking, Slot } from '../api/types';
import { useUser } from '../auth/session';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { SlotPicker } from '../components/SlotPicker';
import { useAvailability, useRelationships } from '../hooks';
import { formatSpan } from '../time/time';

const DURATIONS = [15, 30, 45, 60, 90, 120];

export function BookPage() {
  const user = useUser();
  const { freelancerId: chosenId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const relationships = useRelationships();
  const active = (relationships.data ?? []).filter((r) => r.status === 'ACTIVE');
  const freelancerId = chosenId ?? (active.length === 1 ? active[0]?.freelancerId : undefined);
  const freelancer = active.find((r) => r.freelancerId === freelancerId)?.freelancer;
  const availability = useAvailability(freelancerId);
  const [duration, setDuration] = useState(60);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const book = useMutation({
    mutationFn: () =>
      call<Booking>(api.POST('/api/bookings', {
        body: { freelancerId: freelancerId!, start: slot!.start, durationMinutes: duration, title, ...(location ? { location } : {}) },
      })),
    onSuccess: (b) => {
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      navigate(`/bookings/${b.id}`, { state: { booked: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
        setSlot(null);
        void queryClient.invalidateQueries({ queryKey: ['slots'] });
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    book.mutate();
  };
  const freelancerZone = availability.data?.timeZone;
  return (
    <section aria-labelledby="book-title">
      <h1 id="book-title">Book</h1>
      <ProblemAlert error={relationships.error} />
      {!relationships.isPending && active.length === 0 && (
        <p className="empty card">No freelancer has connected with you yet, so there is no one to book.</p>
      )}
      {active.length > 0 && (
        <div className="card">
          <Field label="Freelancer">
            <select value={freelancerId ?? ''} onChange={(e) => { setSlot(null); navigate(`/book/${e.target.value}`); }}>
              <option value="" disabled>Choose a freelancer</option>
              {active.map((r) => <option key={r.freelancerId} value={r.freelancerId}>{r.freelancer.name}</option>)}
            </select>
          </Field>
          <Field label="Duration">
            <select value={duration} onChange={(e) => { setSlot(null); setDuration(Number(e.target.value)); }}>
              {DURATIONS.map((d) => <option key={d} value={d}>{d} minutes</option>)}
            </select>
          </Field>
        </div>
      )}
      {freelancerId && availability.error instanceof ApiError && availability.error.status === 404 && (
        <p className="empty card">{freelancer?.name ?? 'This freelancer'} has not published any availability yet.</p>
      )}
      {freelancerId && freelancerZone && (
        <div className="card">
          <h2>Pick a time with {freelancer?.name}</h2>
          <SlotPicker freelancerId={freelancerId} freelancerZone={freelancerZone} viewerZone={user.timeZone}
            durationMinutes={duration} selected={slot?.start ?? null} onPick={setSlot} />
        </div>
      )}
      <ProblemAlert error={book.error} fields={['title', 'location']} />
      {slot && freelancerZone && (
        <form className="card" onSubmit={submit} noValidate>
          <h2>Confirm</h2>
          <p>
            <strong>{formatSpan(slot.start, slot.end, user.timeZone)}</strong>
            {freelancerZone !== user.timeZone && <> · for {freelancer?.name}: {formatSpan(slot.start, slot.end, freelancerZone)}</>}
          </p>
          <Field label="Title" error={fieldError(book.error, 'title')}>
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
          </Field>
          <Field label="Location" error={fieldError(book.error, 'location')} hint="Optional: an address or a video link.">
            <input value={location} onChange={(e) => setLocation(e.target.value)} maxLength={500} />
          </Field>
          <div className="actions">
            <button type="button" onClick={() => setSlot(null)}>Pick another time</button>
            <button type="submit" className="primary" disabled={book.isPending || !title.trim()}>Confirm booking</button>
          </div>
        </form>
      )}
      <p><Link to="/my-bookings">My bookings</Link></p>
    </section>
  );
}
