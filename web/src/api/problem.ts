// Problem details (RFC 9457) as the API answers them, and their words for people.

export type FieldError = { field: string; message: string };

export type Problem = {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  conflictingParty?: 'FREELANCER' | 'CLIENT';
  /** seconds, from the Retry-After header of a 429 or 503 */
  retryAfter?: number;
};

const WORDS: Record<string, string> = {
  'auth.bad-credentials': 'That email and password do not match an account.',
  'auth.unauthenticated': 'Your session has ended. Sign in again.',
  'auth.refresh-reused': 'You were signed out for safety because your session was used elsewhere. Sign in again.',
  'user.email-taken': 'An account with this email already exists. Sign in instead.',
  'client.not-found': 'No client account has this email. Ask them to sign up as a client first.',
  'relationship.exists': 'You are already connected to this client.',
  'relationship.required': 'You are not connected with this person (any more).',
  'role.forbidden': 'Your account cannot do this.',
  'not-found': 'This does not exist, or it is not yours.',
  'booking.outside-availability': "That time is outside the freelancer's availability.",
  'booking.too-soon': 'That is too soon: the freelancer needs more notice.',
  'booking.too-far': 'That is too far ahead to book.',
  'booking.limit-reached': 'You have reached the most bookings allowed in that week.',
  'booking.change-too-late': 'It is too late to move or cancel this booking.',
  'service.unavailable': 'Part of Bantam is not answering right now.',
  'rate-limited': 'Too many requests.',
};

export function describeProblem(problem: Problem): string {
  const code = problem.code ?? '';
  if (code === 'booking.conflict') {
    return problem.conflictingParty === 'CLIENT'
      ? 'The client already has another booking at that time.'
      : 'The freelancer already has another booking at that time.';
  }
  let words = WORDS[code];
  if (!words && code === 'request.invalid' && problem.errors?.length) {
    words = 'Some fields need attention.';
  }
  if (!words) words = problem.detail ?? problem.title ?? `The server answered ${problem.status}.`;
  if ((problem.status === 429 || problem.status === 503) && problem.retryAfter) {
    words += ` Try again in ${problem.retryAfter} s.`;
  }
  return words;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
  /** the message of one field, from errors[] */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

export function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiError(body: unknown, response: Response): ApiError {
  const base = body && typeof body === 'object' ? (body as Partial<Problem>) : {};
  return new ApiError({
    ...base,
    status: response.status,
    retryAfter: retryAfterSeconds(response),
  });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}
