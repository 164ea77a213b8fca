import { describe, expect, it } from 'vitest';
import { dayRange, formatSpan, groupSlotsByDay, instantOf, Temporal } from './time';

const slot = (start: string, minutes = 60) => ({
  start,
  end: Temporal.Instant.from(start).add({ minutes }).toString(),
});

describe('groupSlotsByDay', () => {
  // New York moves to daylight saving time on Sunday 2026-03-08 (02:00 EST -> 03:00 EDT); Berlin only on 03-29.
  // A Berlin freelancer's 15:00 window is 09:00 in New York before the change and 10:00 after it.
  const berlinAtThree = ['2026-03-06T14:00:00Z', '2026-03-09T14:00:00Z'];

  it('shows each slot on the viewer’s day at the viewer’s time, across the viewer’s DST change', () => {
    const days = groupSlotsByDay(berlinAtThree.map((s) => slot(s)), 'America/New_York', 'Europe/Berlin');
    expect(days.map((d) => d.date)).toEqual(['2026-03-06', '2026-03-09']);
    expect(days[0]?.slots[0]?.time).toBe('09:00');
    expect(days[1]?.slots[0]?.time).toBe('10:00');
    expect(days[0]?.slots[0]?.otherTime).toBe('15:00');
    expect(days[1]?.slots[0]?.otherTime).toBe('15:00');
  });

  it('puts a slot on the viewer’s date even when it is another date for the freelancer', () => {
    // 2026-03-08T03:30Z is 22:30 on 03-07 in New York (EST) and 04:30 on 03-08 in Berlin
    const days = groupSlotsByDay([slot('2026-03-08T03:30:00Z', 30)], 'America/New_York', 'Europe/Berlin');
    expect(days).toHaveLength(1);
    expect(days[0]?.date).toBe('2026-03-07');
    expect(days[0]?.slots[0]).toMatchObject({ time: '22:30', otherTime: '04:30 (next day)' });
  });

  it('keeps the hour that does not exist and the hour that happens twice apart', () => {
    // Berlin falls back on 2026-10-25: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET)
    const days = groupSlotsByDay([slot('2026-10-25T00:30:00Z', 30), slot('2026-10-25T01:30:00Z', 30)], 'Europe/Berlin');
    expect(days).toHaveLength(1);
    expect(days[0]?.slots.map((s) => s.time)).toEqual(['02:30', '02:30']);
    expect(days[0]?.slots.map((s) => s.start)).toEqual(['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']);
  });

  it('orders days and names no other zone when both zones are the same', () => {
    const days = groupSlotsByDay([slot('2026-03-10T09:00:00Z'), slot('2026-03-09T09:00:00Z')], 'UTC', 'UTC');
    expect(days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10']);
    expect(days[0]?.slots[0]?.otherTime).toBeUndefined();
  });
});

describe('day ranges and wall-clock times', () => {
  it('a day with a DST change is 23 hours long', () => {
    const range = dayRange(Temporal.PlainDate.from('2026-03-08'), 'America/New_York');
    expect(range).toEqual({ from: '2026-03-08T05:00:00Z', to: '2026-03-09T04:00:00Z' });
  });

  it('a time in the spring-forward gap moves later', () => {
    expect(instantOf(Temporal.PlainDate.from('2026-03-08'), '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00Z');
  });
});

describe('formatSpan', () => {
  it('names the zone once and the end’s day when it is another day', () => {
    expect(formatSpan('2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z', 'Europe/Berlin')).toBe('Mon 7 Dec, 09:00–10:00 (Europe/Berlin)');
    expect(formatSpan('2026-12-07T22:30:00Z', '2026-12-07T23:30:00Z', 'Europe/Berlin')).toBe('Mon 7 Dec, 23:30–Tue 8 Dec, 00:30 (Europe/Berlin)');
  });
});
