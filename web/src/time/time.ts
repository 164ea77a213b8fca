// Times with their zones, by Temporal: instants from the API, shown in a named zone, grouped by that zone's days.
import { Temporal } from 'temporal-polyfill';

export { Temporal };

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone the browser knows, plus UTC (Chromium's list lacks it), the browser's own first. */
export function zoneList(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return Array.from(new Set(['UTC', ...all, browserZone()])).sort();
}

/** "Europe/Berlin" -> "Berlin", "America/Argentina/Buenos_Aires" -> "Buenos Aires" */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

export function zoned(instant: string, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function timeOfDay(z: Temporal.ZonedDateTime | Temporal.PlainDateTime): string {
  return `${pad(z.hour)}:${pad(z.minute)}`;
}

export function dayLabel(date: Temporal.PlainDate): string {
  return date.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "Mon 7 Dec, 10:00 (Europe/Berlin)" */
export function formatInstant(instant: string, zone: string): string {
  const z = zoned(instant, zone);
  return `${dayLabel(z.toPlainDate())}, ${timeOfDay(z)} (${zone})`;
}

/** "10:00–11:00 (Europe/Berlin)" */
export function formatRange(start: string, end: string, zone: string): string {
  return `${timeOfDay(zoned(start, zone))}–${timeOfDay(zoned(end, zone))} (${zone})`;
}

/** "Fri 4 Dec, 10:00–11:00 (Europe/Berlin)"; an end on another day is named with its day */
export function formatSpan(start: string, end: string, zone: string): string {
  const a = zoned(start, zone);
  const b = zoned(end, zone);
  const endText = a.toPlainDate().equals(b.toPlainDate()) ? timeOfDay(b) : `${dayLabel(b.toPlainDate())}, ${timeOfDay(b)}`;
  return `${dayLabel(a.toPlainDate())}, ${timeOfDay(a)}–${endText} (${zone})`;
}

/** the local time now in a zone, e.g. for a client's page: "14:05 Tue 8 Dec" */
export function nowIn(zone: string): string {
  const z = Temporal.Now.zonedDateTimeISO(zone);
  return `${timeOfDay(z)}, ${dayLabel(z.toPlainDate())}`;
}

export function today(zone: string): Temporal.PlainDate {
  return Temporal.Now.plainDateISO(zone);
}

/** The instant a wall-clock time in a zone names (the earlier one in an overlap, the later in a gap). */
export function instantOf(date: Temporal.PlainDate, time: string, zone: string): string {
  return date.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(zone, { disambiguation: 'compatible' })
    .toInstant().toString();
}

/** A day's range as instants [start of day, start of next day) in a zone (23 or 25 hours across DST). */
export function dayRange(date: Temporal.PlainDate, zone: string, days = 1): { from: string; to: string } {
  const from = date.toZonedDateTime({ timeZone: zone }).toInstant().toString();
  const to = date.add({ days }).toZonedDateTime({ timeZone: zone }).toInstant().toString();
  return { from, to };
}

export type SlotView = { start: string; end: string; time: string; otherTime?: string };
export type SlotDay = { date: string; label: string; slots: SlotView[] };

/**
 * Slots grouped by the viewer's days, each with its time in the viewer's zone and (when another zone is given,
 * e.g. the freelancer's) the time there too. Days come in order; a slot belongs to the day of its start in the
 * viewer's zone, whatever date it has in the other zone.
 */
export function groupSlotsByDay(slots: { start: string; end: string }[], zone: string, otherZone?: string): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const slot of slots) {
    const start = zoned(slot.start, zone);
    const date = start.toPlainDate();
    const key = date.toString();
    let day = days.get(key);
    if (!day) {
      day = { date: key, label: dayLabel(date), slots: [] };
      days.set(key, day);
    }
    const view: SlotView = { start: slot.start, end: slot.end, time: timeOfDay(start) };
    if (otherZone && otherZone !== zone) {
      const other = zoned(slot.start, otherZone);
      const shift = Temporal.PlainDate.compare(other.toPlainDate(), date);
      view.otherTime = `${timeOfDay(other)}${shift > 0 ? ' (next day)' : shift < 0 ? ' (day before)' : ''}`;
    }
    day.slots.push(view);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function addMinutes(instant: string, minutes: number): string {
  return Temporal.Instant.from(instant).add({ minutes }).toString();
}

export function minutesBetween(start: string, end: string): number {
  return Temporal.Instant.from(start).until(Temporal.Instant.from(end)).total('minutes');
}

export function isPast(instant: string): boolean {
  return Temporal.Instant.compare(Temporal.Instant.from(instant), Temporal.Now.instant()) < 0;
}
