// Loaded lazily (React.lazy in App.tsx): FullCalendar is most of its weight.
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import type { Booking } from '../api/types';
import { useUser } from '../auth/session';
import { BookingDialog } from '../components/BookingDialog';
import { ProblemAlert } from '../components/ProblemAlert';
import { clientName, useBookings, useRelationships } from '../hooks';
import { minutesBetween, Temporal } from '../time/time';

/** FullCalendar's ISO strings carry the offset of the calendar's zone; fall back to the Date for any other. */
function instantOf(str: string, date: Date | null): string {
  try {
    return Temporal.Instant.from(str).toString();
  } catch {
    return Temporal.Instant.fromEpochMilliseconds((date ?? new Date()).getTime()).toString();
  }
}

type Move = { id: string; start: string; durationMinutes: number; revert: () => void; before?: { start: string; durationMinutes: number } };

export default function CalendarPage() {
  // a week does not fit 375 px: narrow screens start on the day view (the week and month stay one click away)
  const [narrow] = useState(() => window.matchMedia('(max-width: 640px)').matches);
  const user = useUser();
  const zone = user.timeZone;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const bookings = useBookings(range?.from ?? '', range?.to ?? '');
  const relationships = useRelationships();
  const byClient = useMemo(() => new Map((relationships.data ?? []).map((r) => [r.clientId, r])), [relationships.data]);
  const active = (relationships.data ?? []).filter((r) => r.status === 'ACTIVE');
  const [dialog, setDialog] = useState<{ start: string | null; duration?: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [undo, setUndo] = useState<Move | null>(null);
  const move = useMutation({
    mutationFn: (m: Move) =>
      call<Booking>(api.PATCH('/api/bookings/{id}', { params: { path: { id: m.id } }, body: { start: m.start, durationMinutes: m.durationMinutes } })),
    onSuccess: (_booking, m) => {
      setNotice(m.before ? 'Booking moved.' : 'Move undone.');
      setUndo(m.before ? { id: m.id, ...m.before, revert: () => undefined } : null);
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    },
    onError: (_error, m) => {
      m.revert();
      setNotice(null);
      setUndo(null);
    },
  });
  const events = useMemo(() => (range ? bookings.data ?? [] : []).map((b) => ({
    id: b.id,
    title: `${b.title} · ${clientName(byClient.get(b.clientId))}`,
    start: b.start,
    end: b.end,
  })), [bookings.data, byClient, range]);

  return (
    <section aria-labelledby="calendar-title">
      <div className="row spread">
        <h1 id="calendar-title">Calendar</h1>
        <button type="button" className="primary" onClick={() => setDialog({ start: null })}>New booking</button>
      </div>
      <p className="muted">Times in {zone}. Drag on empty time to book, drag or resize a booking to move it, or use New booking.</p>
      <ProblemAlert error={bookings.error ?? move.error} />
      {notice && (
        <p role="status">
          {notice}{' '}
          {undo && <button type="button" onClick={() => { move.mutate(undo); setUndo(null); }}>Undo</button>}
        </p>
      )}
      <div className="calendar-wrap">
        <FullCalendar
          plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin, classicThemePlugin]}
          initialView={narrow ? 'timeGridDay' : 'timeGridWeek'}
          timeZone={zone}
          headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridDay,timeGridWeek,dayGridMonth' }}
          height="auto"
          nowIndicator
          firstDay={1}
          slotMinTime="06:00:00"
          slotMaxTime="22:00:00"
          allDaySlot={false}
          dayMaxEvents={4}
          selectable
          selectMirror
          editable
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          events={events}
          datesSet={(info) => {
            const next = { from: instantOf(info.startStr, info.start), to: instantOf(info.endStr, info.end) };
            setRange((prev) => (prev && prev.from === next.from && prev.to === next.to ? prev : next));
          }}
          select={(info) => {
            if (info.allDay) return;
            const start = instantOf(info.startStr, info.start);
            const end = instantOf(info.endStr, info.end);
            setNotice(null);
            setDialog({ start, duration: Math.max(15, minutesBetween(start, end)) });
          }}
          eventClick={(info) => {
            info.jsEvent.preventDefault();
            navigate(`/bookings/${info.event.id}`);
          }}
          eventDrop={(info) => {
            const start = instantOf(info.event.startStr, info.event.start);
            const end = instantOf(info.event.endStr, info.event.end);
            const oldStart = instantOf(info.oldEvent.startStr, info.oldEvent.start);
            const oldEnd = instantOf(info.oldEvent.endStr, info.oldEvent.end);
            move.mutate({
              id: info.event.id, start, durationMinutes: minutesBetween(start, end), revert: info.revert,
              before: { start: oldStart, durationMinutes: minutesBetween(oldStart, oldEnd) },
            });
          }}
          eventResize={(info) => {
            const start = instantOf(info.event.startStr, info.event.start);
            const end = instantOf(info.event.endStr, info.event.end);
            const oldStart = instantOf(info.oldEvent.startStr, info.oldEvent.start);
            const oldEnd = instantOf(info.oldEvent.endStr, info.oldEvent.end);
            move.mutate({
              id: info.event.id, start, durationMinutes: minutesBetween(start, end), revert: info.revert,
              before: { start: oldStart, durationMinutes: minutesBetween(oldStart, oldEnd) },
            });
          }}
        />
      </div>
      <BookingDialog
        open={dialog !== null}
        freelancerId={user.id}
        zone={zone}
        clients={active}
        start={dialog?.start ?? null}
        durationMinutes={dialog?.duration}
        onClose={() => setDialog(null)}
        onBooked={() => {
          setDialog(null);
          setNotice('Booked.');
        }}
      />
    </section>
  );
}
