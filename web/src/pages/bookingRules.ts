// The booking-rules forms' logic: the API's ranges (CONTRACT.md, "Booking rules"), drafts as the inputs hold
// them (strings), and the bodies sent. A freelancer's maxBookingsPerWeek may be empty ("no maximum"); a client's
// rule may follow the default (sent as null, which resets it).
import type { BookingRules, ClientRules } from '../api/types';
import { Temporal } from '../time/time';

export type { BookingRules, ClientRules } from '../api/types';

export type RuleKey = keyof BookingRules;

export type RuleSpec = { key: RuleKey; label: string; unit: string; min: number; max: number };
export const RULES: RuleSpec[] = [
  { key: 'bufferBeforeMinutes', label: 'Buffer before a booking', unit: 'minutes', min: 0, max: 240 },
  { key: 'bufferAfterMinutes', label: 'Buffer after a booking', unit: 'minutes', min: 0, max: 240 },
  { key: 'minimumNoticeMinutes', label: 'Minimum notice', unit: 'minutes', min: 0, max: 43200 },
  { key: 'horizonDays', label: 'Bookable ahead', unit: 'days', min: 1, max: 730 },
  { key: 'maxBookingsPerWeek', label: 'Most bookings per client a week', unit: 'bookings', min: 1, max: 100 },
  { key: 'changeCutoffMinutes', label: 'Changes allowed until', unit: 'minutes before the start', min: 0, max: 10080 },
];
export const DEFAULT_RULES: BookingRules = {
  bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 365,
  maxBookingsPerWeek: null, changeCutoffMinutes: 0,
};

export type RulesDraft = Record<RuleKey, string>;

export function rulesDraft(rules: Partial<BookingRules> | null | undefined): RulesDraft {
  const r = { ...DEFAULT_RULES, ...(rules ?? {}) };
  return Object.fromEntries(RULES.map(({ key }) => [key, r[key] === null || r[key] === undefined ? '' : String(r[key])])) as RulesDraft;
}

/** What is wrong with one value ('' allowed only where `emptyAllowed`), in the API's words for its range. */
export function ruleProblem(spec: { min: number; max: number }, value: string, emptyAllowed: boolean): string | undefined {
  const text = value.trim();
  if (text === '') return emptyAllowed ? undefined : 'Give a number.';
  if (!/^\d+$/.test(text)) return 'Give a whole number.';
  const n = Number(text);
  if (n < spec.min || n > spec.max) return `Between ${spec.min} and ${spec.max}.`;
  return undefined;
}

/** The freelancer's defaults: every value a number; only the weekly maximum may be empty (no maximum). */
export function rulesProblems(draft: RulesDraft): Map<RuleKey, string> {
  const problems = new Map<RuleKey, string>();
  for (const spec of RULES) {
    const p = ruleProblem(spec, draft[spec.key], spec.key === 'maxBookingsPerWeek');
    if (p) problems.set(spec.key, p);
  }
  return problems;
}

export function rulesBody(draft: RulesDraft): BookingRules {
  const n = (k: RuleKey) => Number(draft[k].trim());
  return {
    bufferBeforeMinutes: n('bufferBeforeMinutes'),
    bufferAfterMinutes: n('bufferAfterMinutes'),
    minimumNoticeMinutes: n('minimumNoticeMinutes'),
    horizonDays: n('horizonDays'),
    maxBookingsPerWeek: draft.maxBookingsPerWeek.trim() === '' ? null : n('maxBookingsPerWeek'),
    changeCutoffMinutes: n('changeCutoffMinutes'),
  };
}

/** A client's rule: "use default" (null) or its own value. */
export type ClientRuleDraft = Record<RuleKey, { useDefault: boolean; value: string }>;

export function clientDraft(rules: Partial<ClientRules> | null | undefined, defaults: BookingRules): ClientRuleDraft {
  return Object.fromEntries(RULES.map(({ key }) => {
    const own = rules?.[key];
    const fallback = defaults[key];
    return [key, own === null || own === undefined
      ? { useDefault: true, value: fallback === null ? '' : String(fallback) }
      : { useDefault: false, value: String(own) }];
  })) as ClientRuleDraft;
}

/** Own values must be in range and present (a client's own weekly maximum is a number; no maximum is the default's). */
export function clientProblems(draft: ClientRuleDraft): Map<RuleKey, string> {
  const problems = new Map<RuleKey, string>();
  for (const spec of RULES) {
    const d = draft[spec.key];
    if (d.useDefault) continue;
    const p = ruleProblem(spec, d.value, false);
    if (p) problems.set(spec.key, p);
  }
  return problems;
}

/** Every member sent: null resets it to the default. */
export function clientBody(draft: ClientRuleDraft): { [K in RuleKey]: number | null } {
  return Object.fromEntries(RULES.map(({ key }) => [key, draft[key].useDefault ? null : Number(draft[key].value.trim())])) as {
    [K in RuleKey]: number | null;
  };
}

/** "90 minutes" -> how people say it, for the defaults shown next to "use default". */
export function describeRule(spec: RuleSpec, value: number | null): string {
  if (value === null) return spec.key === 'maxBookingsPerWeek' ? 'no maximum' : 'default';
  return `${value} ${spec.unit}`;
}

export type OverrideDraft = { date: string; closed: boolean; windows: { start: string; end: string }[] };

/** The override's problems: a date, and open windows each with start < end, none overlapping. */
export function overrideProblems(draft: OverrideDraft, todayIso: string): Map<string, string> {
  const problems = new Map<string, string>();
  if (!draft.date) problems.set('date', 'Pick a date.');
  else if (draft.date < todayIso) problems.set('date', 'Pick today or a later date.');
  if (!draft.closed) {
    if (draft.windows.length === 0) problems.set('windows', 'Add a window, or mark the day closed.');
    draft.windows.forEach((w, i) => {
      if (!w.start || !w.end) problems.set(`windows[${i}]`, 'Give a start and an end.');
      else if (w.start >= w.end) problems.set(`windows[${i}]`, 'The end must be after the start.');
      else if (draft.windows.some((o, j) => j !== i && o.start < w.end && w.start < o.end)) {
        problems.set(`windows[${i}]`, 'Overlaps another window.');
      }
    });
  }
  return problems;
}

export function overrideBody(draft: OverrideDraft): { windows: { start: string; end: string }[] } {
  return { windows: draft.closed ? [] : draft.windows.map((w) => ({ start: w.start, end: w.end })) };
}

export const REASONS: Record<string, string> = {
  OUTSIDE_AVAILABILITY: 'outside your availability',
  TIME_OFF: 'in your time off',
};

/** A wall-clock time typed in a datetime-local field, read in `zone`, as an instant. */
export function localToInstant(local: string, zone: string): string | null {
  try {
    return Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant().toString();
  } catch {
    return null;
  }
}

export type TimeOffDraft = { start: string; end: string; note: string };

export function timeOffProblems(draft: TimeOffDraft, zone: string): Map<string, string> {
  const problems = new Map<string, string>();
  const start = draft.start ? localToInstant(draft.start, zone) : null;
  const end = draft.end ? localToInstant(draft.end, zone) : null;
  if (!start) problems.set('start', 'Give a start.');
  if (!end) problems.set('end', 'Give an end.');
  if (start && end) {
    const days = Temporal.Instant.from(start).until(Temporal.Instant.from(end)).total('hours') / 24;
    if (days <= 0) problems.set('end', 'The end must be after the start.');
    else if (days > 366) problems.set('end', 'At most 366 days.');
  }
  if (draft.note.length > 500) problems.set('note', 'At most 500 characters.');
  return problems;
}
