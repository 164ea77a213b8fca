import { describe, expect, it } from 'vitest';
import { addWindow, copyDay, toWeek, toWeekly, windowProblems } from './availabilityEditor';

describe('the weekly editor', () => {
  const week = toWeek([
    { day: 'MONDAY', start: '13:00:00', end: '17:00:00' },
    { day: 'MONDAY', start: '09:00', end: '12:00' },
  ]);

  it('reads the API’s windows per day, in order, as HH:MM', () => {
    expect(week.MONDAY).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(week.TUESDAY).toEqual([]);
  });

  it('adds a window where the last one ends', () => {
    expect(addWindow(week, 'MONDAY').MONDAY.at(-1)).toEqual({ start: '17:00', end: '18:00' });
    expect(addWindow(week, 'SUNDAY').SUNDAY).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('copies a day to others without sharing the windows', () => {
    const copied = copyDay(week, 'MONDAY', ['TUESDAY', 'FRIDAY']);
    expect(copied.TUESDAY).toEqual(week.MONDAY);
    expect(copied.FRIDAY).toEqual(week.MONDAY);
    expect(copied.TUESDAY).not.toBe(week.MONDAY);
    expect(toWeekly(copied)).toHaveLength(6);
  });

  it('marks what the API would refuse: start not before end, overlapping windows', () => {
    const bad = { ...week, TUESDAY: [{ start: '10:00', end: '09:00' }], WEDNESDAY: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] };
    const problems = windowProblems(bad);
    expect(problems.get('TUESDAY:0')).toBe('The end must be after the start.');
    expect(problems.get('WEDNESDAY:0')).toBe('Overlaps another window of this day.');
    expect(problems.get('WEDNESDAY:1')).toBe('Overlaps another window of this day.');
    expect(problems.has('MONDAY:0')).toBe(false);
  });
});
