// One refresh in flight: within a tab a single promise that every caller shares, across tabs a Web Lock, so two
// tabs never present the same (rotating) refresh cookie: the second would be `auth.refresh-reused` and revoke
// the whole sign-in. The tab that waited for the lock then refreshes with the cookie the first one got.

export type RefreshResult<S> =
  | { kind: 'session'; session: S }
  | { kind: 'signed-out'; code?: string }
  | { kind: 'failed'; error: unknown };

export type Lock = <T>(name: string, task: () => Promise<T>) => Promise<T>;

export const LOCK_NAME = 'bantam-session-refresh';

/** navigator.locks where the browser has it (secure contexts); else only the tab's own single flight. */
export const webLock: Lock = (name, task) => {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(name, { mode: 'exclusive' }, task) as Promise<Awaited<ReturnType<typeof task>>>) : task();
};

export function singleFlightRefresh<S>(call: () => Promise<RefreshResult<S>>, lock: Lock = webLock) {
  let inFlight: Promise<RefreshResult<S>> | null = null;
  return function refresh(): Promise<RefreshResult<S>> {
    if (!inFlight) {
      inFlight = lock(LOCK_NAME, call)
        .catch((error: unknown): RefreshResult<S> => ({ kind: 'failed', error }))
        .finally(() => {
          inFlight = null;
        });
    }
    return inFlight;
  };
}
