// Names for the schemas of the generated client (src/api/schema.d.ts, from openapi/bantam.json). Most of the
// services' documents mark no response member as required (booking's rules schemas do, with their nulls), so answers
// are read as the contract gives them: every member present, the nullable ones (CONTRACT.md) null when empty.
import type { components } from './schema';

type S = components['schemas'];
type Present<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type User = Nullable<Present<S['UserResponse']>, 'phone' | 'preferredName' | 'pronouns'>;
export type Session = Omit<Present<S['SessionResponse']>, 'user' | 'refreshToken'> & { user: User; refreshToken: string | null };
export type RelationshipClient = Nullable<Present<S['Client']>, 'phone' | 'preferredName' | 'pronouns'>;
export type Relationship = Omit<Nullable<Present<S['RelationshipResponse']>, 'endedAt'>, 'client' | 'freelancer'> & {
  client: RelationshipClient;
  freelancer: Present<S['Freelancer']>;
};
export type Booking = Nullable<Present<S['BookingResponse']>, 'location'>;
export type Availability = Present<S['AvailabilityResponse']>;
// booking's rules schemas give every member and its nulls (CONTRACT.md, "Booking rules")
export type BookingRules = S['BookingRules'];
export type ClientRules = S['ClientRules'];
export type DateOverride = S['DateOverride'];
export type TimeOff = S['TimeOff'];
export type Slot = { start: string; end: string };
export type Task = Nullable<Present<S['TaskResponse']>, 'clientId' | 'dueDate' | 'description' | 'bookingId'>;
export type Note = Present<S['NoteResponse']>;
export type Role = 'FREELANCER' | 'CLIENT';
export type Priority = 'LOW' | 'MEDIUM' | 'HIGH';
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
