import { Link } from 'react-router';
import type { Booking } from '../api/types';
import { dayLabel, formatRange, zoned } from '../time/time';

type Props = { bookings: Booking[]; zone: string; partyName: (b: Booking) => string; empty: string };

/** Bookings by the viewer's days, each with its times and zone, linking to the booking's page. */
export function BookingList({ bookings, zone, partyName, empty }: Props) {
  if (!bookings.length) return <p className="empty">{empty}</p>;
  return (
    <ul className="booking-list">
      {bookings.map((b) => (
        <li key={b.id} className="booking-row">
          <span className="booking-when">
            {dayLabel(zoned(b.start, zone).toPlainDate())} · {formatRange(b.start, b.end, zone)}
          </span>
          <Link to={`/bookings/${b.id}`}>{b.title}</Link>
          <span className="muted">with {partyName(b)}{b.location ? ` · ${b.location}` : ''}</span>
        </li>
      ))}
    </ul>
  );
}
