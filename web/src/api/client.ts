// The typed API client, generated from openapi/bantam.json (npm run api). Every request goes through
// sessionFetch: the access token (memory only) as a bearer token, the browser-session header on the auth calls
// (the refresh token travels in an HttpOnly cookie the page cannot read), and on a 401 one shared refresh and
// one replay.
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { retryAfterSeconds, toApiError } from './problem';
import { session } from '../auth/session';
import { retryNotice } from '../components/retryNotice';

export const AUTH_PATHS = new Set(['/api/auth/signup', '/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);

export async function sessionFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (AUTH_PATHS.has(path)) {
    request.headers.set('Bantam-Session', 'cookie');
    return noticeWaits(await fetch(request, { credentials: 'same-origin' }));
  }
  const replay = request.clone();
  const token = session.accessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401 || !token) return noticeWaits(response);
  const fresh = await session.refreshAfter(token);
  if (!fresh) return response;
  replay.headers.set('Authorization', `Bearer ${fresh}`);
  return noticeWaits(await fetch(replay));
}

function noticeWaits(response: Response): Response {
  if (response.status === 429 || response.status === 503) {
    retryNotice.show(response.status, retryAfterSeconds(response) ?? 5);
  }
  return response;
}

// same origin: the gateway serves the UI and the API (npm run dev: Vite proxies /api)
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', fetch: sessionFetch });

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The answer's body, or an ApiError carrying the problem (with Retry-After) for anything but 2xx. */
export function call<D>(answer: Promise<Answer<D>>): Promise<D>;
/** …read as the contract's type T (see types.ts: the documents mark no member as required) */
export function call<T>(answer: Promise<Answer<unknown>>): Promise<T>;
export async function call<T>(answer: Promise<Answer<unknown>>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw toApiError(error, response);
  return data as T;
}
