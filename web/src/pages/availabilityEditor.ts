// The weekly editor's logic: windows per day, checked as the API checks them (start < end, no overlap).
import { WEEKDAYS, type Weekday } from '../api/types';

export type Window = { start: string; end: string };
export type Week = Record<Weekday, Window[]>;

export function toWeek(weekly: { day: Weekday; start: string; end: string }[]): Week {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as Window[]])) as Week;
  for (const w of weekly) week[w.day].push({ start: w.start.slice(0, 5), end: w.end.slice(0, 5) });
  for (const d of WEEKDAYS) week[d].sort((a, b) => a.start.localeCompare(b.start));
  return week;
}

export function toWeekly(week: Week): { day: Weekday; start: string; end: string }[] {
  return WEEKDAYS.flatMap((day) => week[day].map((w) => ({ day, start: w.start, end: w.end })));
}

/** A new window starting where the day's last one ends, an hour long (within the day). */
export function addWindow(week: Week, day: Weekday): Week {
  const last = week[day].at(-1);
  if (!last) return { ...week, [day]: [{ start: '09:00', end: '17:00' }] };
  const [h, m] = last.end.split(':').map(Number) as [number, number];
  const startMinutes = Math.min(h * 60 + m, 23 * 60);
  const endMinutes = Math.min(startMinutes + 60, 23 * 60 + 59);
  const hhmm = (t: number) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  return { ...week, [day]: [...week[day], { start: hhmm(startMinutes), end: hhmm(endMinutes) }] };
}

export function copyDay(week: Week, from: Weekday, to: Weekday[]): Week {
  const next = { ...week };
  for (const day of to) next[day] = week[from].map((w) => ({ ...w }));
  return next;
}

/** "MONDAY:1" -> what is wrong with Monday's second window */
export function windowProblems(week: Week): Map<string, string> {
  const problems = new Map<string, string>();
  for (const day of WEEKDAYS) {
    const windows = week[day];
    windows.forEach((w, i) => {
      if (!w.start || !w.end) problems.set(`${day}:${i}`, 'Give a start and an end.');
      else if (w.start >= w.end) problems.set(`${day}:${i}`, 'The end must be after the start.');
      else if (windows.some((o, j) => j !== i && o.start < w.end && w.start < o.end)) {
        problems.set(`${day}:${i}`, 'Overlaps another window of this day.');
      }
    });
  }
  return problems;
}
