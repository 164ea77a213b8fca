import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import type { Booking, Relationship, Slot } from '../api/types';
import { clientName } from '../hooks';
import { addMinutes, formatSpan } from '../time/time';
import { Modal } from './ConfirmDialog';
import { Field } from './Field';
import { fieldError, ProblemAlert } from './ProblemAlert';
import { SlotPicker } from './SlotPicker';

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];

type Props = {
  open: boolean;
  freelancerId: string;
  zone: string;
  clients: Relationship[];
  /** a start picked on the calendar; without it the dialog offers the slot picker (the keyboard path) */
  start: string | null;
  durationMinutes?: number | undefined;
  onClose: () => void;
  onBooked: (booking: Booking) => void;
};

/** A freelancer books one of its clients: client, title, location, duration; the end is computed and shown. */
export function BookingDialog({ open, freelancerId, zone, clients, start, durationMinutes, onClose, onBooked }: Props) {
  const queryClient = useQueryClient();
  const [clientId, setClientId] = useState('');
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [duration, setDuration] = useState(durationMinutes ?? 60);
  const [picked, setPicked] = useState<Slot | null>(null);
  useEffect(() => {
    if (open) {
      setPicked(null);
      setDuration(durationMinutes && DURATIONS.includes(durationMinutes) ? durationMinutes : durationMinutes ?? 60);
    }
  }, [open, durationMinutes]);
  const chosenStart = start ?? picked?.start ?? null;
  const book = useMutation({
    mutationFn: () => call<Booking>(api.POST('/api/bookings', {
      body: { clientId, start: chosenStart!, durationMinutes: duration, title, ...(location ? { location } : {}) },
    })),
    onSuccess: (b) => {
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
      setTitle('');
      setLocation('');
      onBooked(b);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
  });
  const close = () => {
    book.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosenStart && clientId && title.trim()) book.mutate();
  };
  const durations = DURATIONS.includes(duration) ? DURATIONS : [...DURATIONS, duration].sort((a, b) => a - b);
  return (
    <Modal open={open} title="New booking" onClose={close}>
      <form onSubmit={submit} noValidate>
        <ProblemAlert error={book.error} fields={['clientId', 'title', 'location', 'durationMinutes', 'start']} />
        <Field label="Client" error={fieldError(book.error, 'clientId')}>
          <select value={clientId} onChange={(e) => setClientId(e.target.value)} required>
            <option value="">Choose a client</option>
            {clients.map((r) => <option key={r.clientId} value={r.clientId}>{clientName(r)}</option>)}
          </select>
        </Field>
        <Field label="Title" error={fieldError(book.error, 'title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        </Field>
        <Field label="Location" error={fieldError(book.error, 'location')} hint="Optional">
          <input value={location} onChange={(e) => setLocation(e.target.value)} maxLength={500} />
        </Field>
        <Field label="Duration" error={fieldError(book.error, 'durationMinutes')}>
          <select value={duration} onChange={(e) => { setDuration(Number(e.target.value)); setPicked(null); }}>
            {durations.map((d) => <option key={d} value={d}>{d} minutes</option>)}
          </select>
        </Field>
        {!start && (
          <fieldset>
            <legend>Time</legend>
            <SlotPicker freelancerId={freelancerId} freelancerZone={zone} viewerZone={zone} durationMinutes={duration}
              clientId={clientId || undefined} selected={picked?.start ?? null} onPick={setPicked} days={21} />
          </fieldset>
        )}
        {chosenStart && (
          <p className="when" aria-live="polite">
            <strong>{formatSpan(chosenStart, addMinutes(chosenStart, duration), zone)}</strong> · ends after {duration} minutes
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" className="primary" disabled={book.isPending || !chosenStart || !clientId || !title.trim()}>Book</button>
        </div>
      </form>
    </Modal>
  );
}
