import { useUser } from '../auth/session';
import { BookingList } from '../components/BookingList';
import { ProblemAlert } from '../components/ProblemAlert';
import { useBookings, useRelationships } from '../hooks';
import { dayRange, today } from '../time/time';

export function MyBookingsPage() {
  const user = useUser();
  const zone = user.timeZone;
  const range = dayRange(today(zone), zone, 366);
  const past = dayRange(today(zone).subtract({ days: 31 }), zone, 31);
  const upcoming = useBookings(range.from, range.to);
  const earlier = useBookings(past.from, past.to);
  const relationships = useRelationships();
  const names = new Map((relationships.data ?? []).map((r) => [r.freelancerId, r.freelancer.name]));
  const party = (b: { freelancerId: string }) => names.get(b.freelancerId) ?? 'your freelancer';
  return (
    <section aria-labelledby="bookings-title">
      <h1 id="bookings-title">My bookings</h1>
      <p className="muted">Times in {zone}. Open a booking to reschedule or cancel it.</p>
      <ProblemAlert error={upcoming.error} />
      <div className="card">
        <h2>Upcoming</h2>
        {upcoming.isPending ? <p aria-busy="true">Loading…</p> : (
          <BookingList bookings={upcoming.data ?? []} zone={zone} partyName={party} empty="Nothing booked. Book a time from Book." />
        )}
      </div>
      <div className="card">
        <h2>Last 31 days</h2>
        {!earlier.isPending && <BookingList bookings={earlier.data ?? []} zone={zone} partyName={party} empty="None." />}
      </div>
    </section>
  );
}
