import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiError, isNotFound } from '../api/problem';
import type { Booking, Slot } from '../api/types';
import { useUser } from '../auth/session';
import { ConfirmDialog, Modal } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { NotFoundPage } from '../components/NotFoundPage';
import { SlotPicker } from '../components/SlotPicker';
import { clientName, useAvailability, useRelationships } from '../hooks';
import { formatInstant, formatSpan, isPast } from '../time/time';

export function BookingPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const zone = user.timeZone;
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const booking = useQuery({
    queryKey: ['booking', id],
    queryFn: () => call<Booking>(api.GET('/api/bookings/{id}', { params: { path: { id } } })),
    retry: false,
  });
  const relationships = useRelationships();
  const availability = useAvailability(booking.data?.freelancerId);
  const [rescheduling, setRescheduling] = useState(false);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [details, setDetails] = useState<{ title: string; location: string } | null>(null);
  const done = (b?: Booking) => {
    if (b) queryClient.setQueryData(['booking', id], b);
    void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    void queryClient.invalidateQueries({ queryKey: ['slots'] });
  };
  const reschedule = useMutation({
    mutationFn: (start: string) => call<Booking>(api.PATCH('/api/bookings/{id}', { params: { path: { id } }, body: { start } })),
    onSuccess: (b) => { done(b); setRescheduling(false); setSlot(null); },
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
        setSlot(null);
        void queryClient.invalidateQueries({ queryKey: ['slots'] });
      }
    },
  });
  const edit = useMutation({
    mutationFn: (d: { title: string; location: string }) =>
      call<Booking>(api.PATCH('/api/bookings/{id}', { params: { path: { id } }, body: { title: d.title, location: d.location } })),
    onSuccess: (b) => { done(b); setDetails(null); },
  });
  const cancel = useMutation({
    mutationFn: () => call(api.DELETE('/api/bookings/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      done();
      queryClient.removeQueries({ queryKey: ['booking', id] });
      navigate(user.role === 'FREELANCER' ? '/calendar' : '/my-bookings', { replace: true });
    },
  });
  if (isNotFound(booking.error)) return <NotFoundPage />;
  if (booking.isPending) return <p aria-busy="true">Loading…</p>;
  if (!booking.data) return <ProblemAlert error={booking.error} />;
  const b = booking.data;
  const freelancerView = user.role === 'FREELANCER';
  const relationship = (relationships.data ?? []).find((r) => (freelancerView ? r.clientId === b.clientId : r.freelancerId === b.freelancerId));
  const other = freelancerView ? clientName(relationship) : relationship?.freelancer.name ?? 'your freelancer';
  const otherZone = freelancerView ? relationship?.client.timeZone : availability.data?.timeZone;
  const freelancerZone = freelancerView ? zone : availability.data?.timeZone;
  const past = isPast(b.start);
  const submitDetails = (event: FormEvent) => {
    event.preventDefault();
    if (details) edit.mutate(details);
  };
  return (
    <section aria-labelledby="booking-title">
      <p><Link to={freelancerView ? '/calendar' : '/my-bookings'}>{freelancerView ? 'Calendar' : 'My bookings'}</Link></p>
      {(location.state as { booked?: boolean } | null)?.booked && <p role="status" className="success">Booked.</p>}
      <h1 id="booking-title">{b.title}</h1>
      <div className="card">
        <dl className="profile">
          <dt>When</dt>
          <dd>{formatSpan(b.start, b.end, zone)}</dd>
          {otherZone && otherZone !== zone && (<><dt>For {other}</dt><dd>{formatSpan(b.start, b.end, otherZone)}</dd></>)}
          <dt>With</dt><dd>{relationship && freelancerView ? <Link to={`/clients/${relationship.id}`}>{other}</Link> : other}</dd>
          <dt>Duration</dt><dd>{b.durationMinutes} minutes</dd>
          <dt>Location</dt><dd>{b.location || '—'}</dd>
        </dl>
        <ProblemAlert error={cancel.error} />
        {!past && (
          <div className="actions">
            <button type="button" onClick={() => setRescheduling(true)}>Reschedule</button>
            <button type="button" onClick={() => setDetails({ title: b.title, location: b.location ?? '' })}>Edit details</button>
            <button type="button" className="danger" onClick={() => setCancelling(true)}>Cancel booking</button>
          </div>
        )}
      </div>
      <Modal open={rescheduling} title={`Reschedule “${b.title}”`} onClose={() => { setRescheduling(false); setSlot(null); }}>
        <ProblemAlert error={reschedule.error} />
        {freelancerZone ? (
          <SlotPicker freelancerId={b.freelancerId} freelancerZone={freelancerZone} viewerZone={zone}
            durationMinutes={b.durationMinutes} clientId={freelancerView ? b.clientId : undefined}
            selected={slot?.start ?? null} onPick={setSlot} />
        ) : <p aria-busy="true">Loading free times…</p>}
        <div className="actions">
          <button type="button" onClick={() => { setRescheduling(false); setSlot(null); }}>Close</button>
          <button type="button" className="primary" disabled={!slot || reschedule.isPending}
            onClick={() => slot && reschedule.mutate(slot.start)}>
            {slot ? `Move to ${formatInstant(slot.start, zone)}` : 'Pick a new time'}
          </button>
        </div>
      </Modal>
      <Modal open={details !== null} title="Edit booking details" onClose={() => setDetails(null)}>
        {details && (
          <form onSubmit={submitDetails} noValidate>
            <ProblemAlert error={edit.error} fields={['title', 'location']} />
            <Field label="Title" error={fieldError(edit.error, 'title')}>
              <input value={details.title} onChange={(e) => setDetails({ ...details, title: e.target.value })} />
            </Field>
            <Field label="Location" error={fieldError(edit.error, 'location')}>
              <input value={details.location} onChange={(e) => setDetails({ ...details, location: e.target.value })} />
            </Field>
            <div className="actions">
              <button type="button" onClick={() => setDetails(null)}>Cancel</button>
              <button type="submit" className="primary" disabled={edit.isPending}>Save details</button>
            </div>
          </form>
        )}
      </Modal>
      <ConfirmDialog open={cancelling} title={`Cancel “${b.title}”?`} confirmLabel="Cancel booking" danger busy={cancel.isPending}
        onConfirm={() => cancel.mutate()} onCancel={() => setCancelling(false)}>
        <p>{formatInstant(b.start, zone)} with {other}. Both of you will see it cancelled.</p>
      </ConfirmDialog>
    </section>
  );
}
