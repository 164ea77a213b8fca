import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, call } from '../api/client';
import type { Slot } from '../api/types';
import { dayLabel, groupSlotsByDay, today, zoneCity, type SlotView } from '../time/time';
import { ProblemAlert } from './ProblemAlert';

type Props = {
  freelancerId: string;
  /** the freelancer's zone (its availability's), named next to each time */
  freelancerZone: string;
  /** the zone the times are shown in: the viewer's */
  viewerZone: string;
  durationMinutes: number;
  /** a freelancer booking for one client: slots also free for that client */
  clientId?: string | undefined;
  days?: number;
  selected: string | null;
  onPick: (slot: Slot) => void;
};

/** Free times from GET /api/availability/{id}/slots, by the viewer's days; days without any are disabled. */
export function SlotPicker({ freelancerId, freelancerZone, viewerZone, durationMinutes, clientId, days = 14, selected, onPick }: Props) {
  const from = today(freelancerZone);
  const to = from.add({ days });
  const slots = useQuery({
    queryKey: ['slots', freelancerId, from.toString(), to.toString(), durationMinutes, clientId ?? null],
    queryFn: () =>
      call(api.GET('/api/availability/{freelancerId}/slots', {
        params: {
          path: { freelancerId },
          query: { from: from.toString(), to: to.toString(), durationMinutes, ...(clientId ? { clientId } : {}) },
        },
      })),
    refetchInterval: 120_000,
  });
  const grouped = useMemo(
    () => groupSlotsByDay((slots.data?.items ?? []) as Slot[], viewerZone, freelancerZone),
    [slots.data, viewerZone, freelancerZone],
  );
  const calendarDays = useMemo(() => {
    const first = today(viewerZone);
    return Array.from({ length: days }, (_, i) => first.add({ days: i }));
  }, [viewerZone, days]);
  const byDate = new Map(grouped.map((d) => [d.date, d]));
  const [day, setDay] = useState<string | null>(null);
  const firstFree = grouped[0]?.date ?? null;
  useEffect(() => {
    if (day === null && firstFree) setDay(firstFree);
  }, [day, firstFree]);
  const current = day ?? calendarDays[0]?.toString() ?? '';
  const chosen = byDate.get(current);
  const nextFree = grouped.find((d) => d.date > current);
  const otherZoneShown = freelancerZone !== viewerZone;

  return (
    <div className="slot-picker">
      <p className="zone-note">
        Times in your zone, <strong>{viewerZone}</strong>
        {otherZoneShown && <> · the freelancer&apos;s zone is <strong>{freelancerZone}</strong></>}
      </p>
      <ProblemAlert error={slots.error} />
      <div role="group" aria-label="Day" className="slot-days">
        {calendarDays.map((date) => {
          const key = date.toString();
          const free = byDate.has(key);
          return (
            <button
              key={key}
              type="button"
              className="slot-day"
              aria-pressed={key === current}
              disabled={!free}
              onClick={() => setDay(key)}
              aria-label={`${dayLabel(date)}${free ? '' : ', no free time'}`}
            >
              {dayLabel(date)}
            </button>
          );
        })}
      </div>
      {slots.isPending ? (
        <p aria-busy="true">Loading free times…</p>
      ) : chosen ? (
        <div role="group" aria-label={`Free times on ${chosen.label}`} className="slot-times">
          {chosen.slots.map((slot: SlotView) => (
            <button
              key={slot.start}
              type="button"
              className="slot"
              aria-pressed={slot.start === selected}
              onClick={() => onPick({ start: slot.start, end: slot.end })}
            >
              {slot.time}
              {slot.otherTime && <span className="other-zone"> · {slot.otherTime} {zoneCity(freelancerZone)}</span>}
            </button>
          ))}
        </div>
      ) : (
        <div className="empty">
          <p>No free time on this day.</p>
          {nextFree ? (
            <button type="button" onClick={() => setDay(nextFree.date)}>
              Next free day: {nextFree.label}
            </button>
          ) : (
            <p>No free time in the next {days} days.</p>
          )}
        </div>
      )}
    </div>
  );
}
