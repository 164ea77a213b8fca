import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUser } from '../auth/session';
import { BookingList } from '../components/BookingList';
import { ProblemAlert } from '../components/ProblemAlert';
import { TaskRow } from '../components/TaskRow';
import { clientName, useBookings, useRelationships, useTasks, useToggleTask } from '../hooks';
import { dayLabel, dayRange, today, zoned } from '../time/time';

export function TodayPage() {
  const user = useUser();
  const zone = user.timeZone;
  const day = today(zone);
  const range = dayRange(day, zone, 2);
  const bookings = useBookings(range.from, range.to);
  const tasks = useTasks({ completed: false, dueBefore: day.add({ days: 1 }).toString() });
  const relationships = useRelationships();
  const toggle = useToggleTask();
  const byClient = useMemo(() => new Map((relationships.data ?? []).map((r) => [r.clientId, r])), [relationships.data]);
  const name = (clientId: string | null | undefined) => (clientId ? clientName(byClient.get(clientId)) : undefined);
  const todays = (bookings.data ?? []).filter((b) => zoned(b.start, zone).toPlainDate().equals(day));
  const tomorrows = (bookings.data ?? []).filter((b) => !zoned(b.start, zone).toPlainDate().equals(day));
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      <p className="muted">{dayLabel(day)} · {zone}</p>
      <ProblemAlert error={bookings.error ?? tasks.error} />
      <div className="grid-2">
        <div className="card">
          <h2>Bookings today</h2>
          {bookings.isPending ? <p aria-busy="true">Loading…</p> : (
            <BookingList bookings={todays} zone={zone} partyName={(b) => name(b.clientId) ?? ''} empty="Nothing booked today." />
          )}
          <h2>Tomorrow</h2>
          {!bookings.isPending && (
            <BookingList bookings={tomorrows} zone={zone} partyName={(b) => name(b.clientId) ?? ''} empty="Nothing booked tomorrow." />
          )}
          <p><Link to="/calendar">Open the calendar</Link></p>
        </div>
        <div className="card">
          <h2>Tasks due</h2>
          <ProblemAlert error={toggle.error} />
          {tasks.isPending ? <p aria-busy="true">Loading…</p> : tasks.data?.length ? (
            <ul className="task-list">
              {tasks.data.map((t) => (
                <TaskRow key={t.id} task={t} zone={zone} clientLabel={name(t.clientId)} onToggle={(task) => toggle.mutate(task)} />
              ))}
            </ul>
          ) : (
            <p className="empty">Nothing overdue or due today. <Link to="/tasks">All tasks</Link></p>
          )}
        </div>
      </div>
    </section>
  );
}
