// The identity calls behind the session store, through the typed client. The browser session (header
// Bantam-Session: cookie, added by sessionFetch) answers refreshToken: null and keeps the token in a cookie.
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import type { Session } from '../api/types';
import type { RefreshResult } from './refresh';
import { session } from './session';

type CookieBody = { refreshToken?: string };

export async function refreshWithCookie(): Promise<RefreshResult<Session>> {
  try {
    const body = {} as CookieBody as never;
    const fresh = await call<Session>(api.POST('/api/auth/refresh', { body }));
    return { kind: 'session', session: fresh };
  } catch (error) {
    // 401: no cookie, an expired or a reused one; any other refusal: nothing to restore either
    if (error instanceof ApiError && error.status === 401) return { kind: 'signed-out', code: error.code };
    if (error instanceof ApiError && error.status < 500 && error.status !== 429) return { kind: 'signed-out' };
    return { kind: 'failed', error };
  }
}

export async function logoutWithCookie(): Promise<void> {
  const body = {} as CookieBody as never;
  await api.POST('/api/auth/logout', { body }).catch(() => undefined);
}

session.connect({ refresh: refreshWithCookie, logout: logoutWithCookie });
