import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { singleFlightRefresh, type Lock, type RefreshResult } from './refresh';
import { session } from './session';
import { refreshWithCookie } from './backend';
import { api, sessionFetch } from '../api/client';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('singleFlightRefresh', () => {
  it('shares one refresh among callers that ask while it runs, then starts a new one', async () => {
    const answer = deferred<RefreshResult<string>>();
    const call = vi.fn(() => answer.promise);
    const refresh = singleFlightRefresh(call, (_name, task) => task());
    const first = refresh();
    const second = refresh();
    expect(call).toHaveBeenCalledTimes(1);
    answer.resolve({ kind: 'session', session: 's1' });
    await expect(first).resolves.toEqual({ kind: 'session', session: 's1' });
    await expect(second).resolves.toEqual({ kind: 'session', session: 's1' });
    call.mockResolvedValueOnce({ kind: 'session', session: 's2' });
    await expect(refresh()).resolves.toEqual({ kind: 'session', session: 's2' });
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('refreshes under the cross-tab lock, one tab after the other', async () => {
    const held: string[] = [];
    let queue = Promise.resolve();
    const lock: Lock = (name, task) => {
      const run = queue.then(() => {
        held.push(name);
        return task();
      });
      queue = run.then(() => undefined, () => undefined);
      return run;
    };
    const events: string[] = [];
    const tab = (id: string) => singleFlightRefresh(async () => {
      events.push(`${id} start`);
      await Promise.resolve();
      events.push(`${id} end`);
      return { kind: 'session', session: id } as const;
    }, lock);
    await Promise.all([tab('a')(), tab('b')()]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(held).toEqual(['bantam-session-refresh', 'bantam-session-refresh']);
  });

  it('turns a thrown error into a failure', async () => {
    const refresh = singleFlightRefresh<string>(() => Promise.reject(new TypeError('offline')), (_n, t) => t());
    await expect(refresh()).resolves.toMatchObject({ kind: 'failed' });
  });
});

const user = { id: 'u1', email: 'a@example.com', name: 'Ada', role: 'FREELANCER', timeZone: 'Europe/Berlin',
  phone: null, preferredName: null, pronouns: null, createdAt: '2026-01-01T00:00:00Z' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('sessionFetch', () => {
  let refreshes = 0;
  let reuse = false;
  const seen: { path: string; auth: string | null; session: string | null }[] = [];

  beforeEach(() => {
    refreshes = 0;
    reuse = false;
    seen.length = 0;
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      seen.push({ path, auth: request.headers.get('Authorization'), session: request.headers.get('Bantam-Session') });
      if (path === '/api/auth/refresh') {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 5));
        if (reuse) return json(401, { status: 401, code: 'auth.refresh-reused' });
        return json(200, { user, accessToken: `fresh-${refreshes}`, refreshToken: null, tokenType: 'Bearer', expiresIn: 900 });
      }
      const token = request.headers.get('Authorization');
      return token === 'Bearer stale' ? json(401, { status: 401, code: 'auth.unauthenticated' }) : json(200, { ...user });
    }));
    session.signedIn({ user, accessToken: 'stale', refreshToken: null, tokenType: 'Bearer', expiresIn: 900 } as never);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('answers a 401 with one refresh for all requests in flight, then replays each with the new token', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => api.GET('/api/users/me')));
    expect(answers.map((a) => a.response.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
    expect(seen.filter((s) => s.path === '/api/users/me' && s.auth === 'Bearer fresh-1')).toHaveLength(3);
    expect(session.accessToken()).toBe('fresh-1');
  });

  it('sends the browser-session header on auth calls only and never a bearer token there', async () => {
    await refreshWithCookie();
    await sessionFetch(new Request('http://localhost/api/users/me'));
    const refresh = seen.find((s) => s.path === '/api/auth/refresh');
    expect(refresh).toEqual({ path: '/api/auth/refresh', auth: null, session: 'cookie' });
    expect(seen.find((s) => s.path === '/api/users/me')?.session).toBeNull();
  });

  it('signs out when the refresh token was reused', async () => {
    reuse = true;
    const answer = await api.GET('/api/users/me');
    expect(answer.response.status).toBe(401);
    expect(refreshes).toBe(1);
    const state = session.get();
    expect(state.status).toBe('signed-out');
    expect(state.status === 'signed-out' && state.reason).toMatch(/signed out for safety/);
  });
});
