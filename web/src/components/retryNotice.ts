// The last 429/503 the API answered, with the moment its Retry-After ends: shown as a countdown.
import { useSyncExternalStore } from 'react';

export type Notice = { status: number; until: number } | null;

function createRetryNotice() {
  let notice: Notice = null;
  const listeners = new Set<() => void>();
  return {
    show(status: number, seconds: number) {
      const until = Date.now() + seconds * 1000;
      if (notice && notice.until > until) return;
      notice = { status, until };
      listeners.forEach((l) => l());
    },
    clear() {
      notice = null;
      listeners.forEach((l) => l());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => notice,
  };
}

export const retryNotice = createRetryNotice();
export const useRetryNotice = () => useSyncExternalStore(retryNotice.subscribe, retryNotice.get, retryNotice.get);
