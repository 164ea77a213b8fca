// The signed-in person: user and access token in memory only (never storage). A reload restores the session
// with one refresh (the HttpOnly cookie); other tabs hear about a sign-out on a BroadcastChannel.
import { useSyncExternalStore } from 'react';
import type { Session, User } from '../api/types';
import { singleFlightRefresh, type RefreshResult } from './refresh';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: User; accessToken: string };

type Backend = {
  refresh: () => Promise<RefreshResult<Session>>;
  logout: () => Promise<void>;
};

function createSessionStore() {
  let state: SessionState = { status: 'restoring' };
  const listeners = new Set<() => void>();
  let backend: Backend | null = null;
  let refreshOnce: (() => Promise<RefreshResult<Session>>) | null = null;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('bantam-session') : null;
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data === 'signed-out' && state.status === 'signed-in') set({ status: 'signed-out' });
  });

  function set(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  async function runRefresh(): Promise<string | null> {
    if (!refreshOnce) return null;
    const result = await refreshOnce();
    if (result.kind === 'session') {
      set({ status: 'signed-in', user: result.session.user, accessToken: result.session.accessToken });
      return result.session.accessToken;
    }
    if (result.kind === 'signed-out') {
      const reason = result.code === 'auth.refresh-reused'
        ? 'You were signed out for safety because your session was used elsewhere. Sign in again.'
        : undefined;
      set({ status: 'signed-out', reason });
      if (result.code === 'auth.refresh-reused') channel?.postMessage('signed-out');
    } else if (state.status === 'restoring') {
      set({ status: 'signed-out', reason: 'Bantam could not be reached to restore your session. Sign in again.' });
    }
    return null;
  }

  return {
    connect(next: Backend) {
      backend = next;
      refreshOnce = singleFlightRefresh(next.refresh);
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
    accessToken: () => (state.status === 'signed-in' ? state.accessToken : null),
    signedIn(session: Session) {
      set({ status: 'signed-in', user: session.user, accessToken: session.accessToken });
    },
    userChanged(user: User) {
      if (state.status === 'signed-in') set({ ...state, user });
    },
    /** on page load: the cookie, if any, gives a new session */
    restore: () => runRefresh(),
    /**
     * A request with `staleToken` got 401. If another request already refreshed, its token is used; else one
     * refresh (shared by all callers) runs. Null: signed out.
     */
    async refreshAfter(staleToken: string): Promise<string | null> {
      const current = state.status === 'signed-in' ? state.accessToken : null;
      if (current && current !== staleToken) return current;
      return runRefresh();
    },
    async signOut() {
      try {
        await backend?.logout();
      } finally {
        set({ status: 'signed-out' });
        channel?.postMessage('signed-out');
      }
    },
  };
}

export const session = createSessionStore();

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

export function useUser(): User {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside a signed-in page');
  return state.user;
}
