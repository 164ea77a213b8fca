import { describe, expect, it } from 'vitest';
import {
  clientBody, clientDraft, clientProblems, DEFAULT_RULES, localToInstant, overrideBody, overrideProblems, rulesBody,
  rulesDraft, rulesProblems, timeOffProblems,
} from './bookingRules';

describe('the booking rules form', () => {
  it('starts from the API’s defaults, an empty weekly maximum meaning none', () => {
    const draft = rulesDraft(undefined);
    expect(draft).toEqual({ bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minimumNoticeMinutes: '0', horizonDays: '365',
      maxBookingsPerWeek: '', changeCutoffMinutes: '0' });
    expect(rulesProblems(draft).size).toBe(0);
    expect(rulesBody(draft)).toEqual(DEFAULT_RULES);
  });

  it('checks the API’s ranges at each field', () => {
    const draft = { ...rulesDraft(DEFAULT_RULES), bufferBeforeMinutes: '241', horizonDays: '0', minimumNoticeMinutes: '',
      maxBookingsPerWeek: '101', changeCutoffMinutes: '1.5' };
    const problems = rulesProblems(draft);
    expect(problems.get('bufferBeforeMinutes')).toBe('Between 0 and 240.');
    expect(problems.get('horizonDays')).toBe('Between 1 and 730.');
    expect(problems.get('minimumNoticeMinutes')).toBe('Give a number.');
    expect(problems.get('maxBookingsPerWeek')).toBe('Between 1 and 100.');
    expect(problems.get('changeCutoffMinutes')).toBe('Give a whole number.');
    expect(problems.has('bufferAfterMinutes')).toBe(false);
  });

  it('sends numbers, and null for no weekly maximum', () => {
    const body = rulesBody({ ...rulesDraft(DEFAULT_RULES), bufferAfterMinutes: ' 15 ', maxBookingsPerWeek: '3' });
    expect(body.bufferAfterMinutes).toBe(15);
    expect(body.maxBookingsPerWeek).toBe(3);
    expect(rulesBody(rulesDraft({ ...DEFAULT_RULES, maxBookingsPerWeek: 2 })).maxBookingsPerWeek).toBe(2);
  });
});

describe('a client’s rules', () => {
  const defaults = { ...DEFAULT_RULES, bufferBeforeMinutes: 10, maxBookingsPerWeek: 4 };

  it('reads null as “use default”, showing the default’s value', () => {
    const draft = clientDraft({ clientId: 'c1', bufferBeforeMinutes: null, bufferAfterMinutes: 30, minimumNoticeMinutes: null,
      horizonDays: null, maxBookingsPerWeek: null, changeCutoffMinutes: null }, defaults);
    expect(draft.bufferBeforeMinutes).toEqual({ useDefault: true, value: '10' });
    expect(draft.bufferAfterMinutes).toEqual({ useDefault: false, value: '30' });
    expect(draft.maxBookingsPerWeek).toEqual({ useDefault: true, value: '4' });
  });

  it('sends null for every rule on its default and the number for its own', () => {
    const draft = clientDraft(null, defaults);
    draft.minimumNoticeMinutes = { useDefault: false, value: '1440' };
    expect(clientBody(draft)).toEqual({ bufferBeforeMinutes: null, bufferAfterMinutes: null, minimumNoticeMinutes: 1440,
      horizonDays: null, maxBookingsPerWeek: null, changeCutoffMinutes: null });
  });

  it('checks only its own values, which must be numbers in range', () => {
    const draft = clientDraft(null, DEFAULT_RULES);
    draft.bufferBeforeMinutes = { useDefault: true, value: '999' };
    draft.maxBookingsPerWeek = { useDefault: false, value: '' };
    draft.horizonDays = { useDefault: false, value: '731' };
    const problems = clientProblems(draft);
    expect([...problems.keys()].sort()).toEqual(['horizonDays', 'maxBookingsPerWeek']);
    expect(problems.get('horizonDays')).toBe('Between 1 and 730.');
  });
});

describe('date overrides', () => {
  it('a closed day sends no windows', () => {
    const draft = { date: '2027-01-04', closed: true, windows: [{ start: '09:00', end: '08:00' }] };
    expect(overrideProblems(draft, '2027-01-01').size).toBe(0);
    expect(overrideBody(draft)).toEqual({ windows: [] });
  });

  it('needs a date from today on and sound windows', () => {
    const problems = overrideProblems({ date: '2026-12-31', closed: false,
      windows: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }, { start: '15:00', end: '14:00' }] }, '2027-01-01');
    expect(problems.get('date')).toBe('Pick today or a later date.');
    expect(problems.get('windows[0]')).toBe('Overlaps another window.');
    expect(problems.get('windows[2]')).toBe('The end must be after the start.');
    expect(overrideProblems({ date: '2027-01-02', closed: false, windows: [] }, '2027-01-01').get('windows'))
      .toBe('Add a window, or mark the day closed.');
  });
});

describe('time off', () => {
  it('reads the typed times in the freelancer’s zone, across a DST change', () => {
    expect(localToInstant('2027-03-28T09:00', 'Europe/Berlin')).toBe('2027-03-28T07:00:00Z');
    expect(localToInstant('2027-01-10T09:00', 'Europe/Berlin')).toBe('2027-01-10T08:00:00Z');
    expect(localToInstant('nonsense', 'Europe/Berlin')).toBeNull();
  });

  it('needs start before end, at most 366 days, a note of at most 500', () => {
    expect(timeOffProblems({ start: '2027-01-10T09:00', end: '2027-01-10T09:00', note: '' }, 'UTC').get('end'))
      .toBe('The end must be after the start.');
    expect(timeOffProblems({ start: '2027-01-01T00:00', end: '2028-01-03T00:00', note: '' }, 'UTC').get('end')).toBe('At most 366 days.');
    expect(timeOffProblems({ start: '', end: '2027-01-02T00:00', note: 'x'.repeat(501) }, 'UTC'))
      .toEqual(new Map([['start', 'Give a start.'], ['note', 'At most 500 characters.']]));
    expect(timeOffProblems({ start: '2027-01-01T00:00', end: '2027-01-08T00:00', note: 'Holiday' }, 'UTC').size).toBe(0);
  });
});
