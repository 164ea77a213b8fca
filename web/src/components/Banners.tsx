import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { refetchFailedReads } from '../queryClient';
import { retryNotice, useRetryNotice } from './retryNotice';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function OfflineBanner() {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  if (online) return null;
  return (
    <div role="status" className="banner banner-offline">
      You are offline. Changes wait until the connection is back.
    </div>
  );
}

/** 429/503 with their Retry-After as a countdown; reads are retried by themselves when it ends. */
export function RetryBanner() {
  const notice = useRetryNotice();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!notice) return;
    const timer = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= notice.until) {
        retryNotice.clear();
        void refetchFailedReads(queryClient);
      }
    }, 500);
    return () => window.clearInterval(timer);
  }, [notice, queryClient]);
  if (!notice) return null;
  const seconds = Math.max(0, Math.ceil((notice.until - now) / 1000));
  const what = notice.status === 429 ? 'Too many requests.' : 'Part of Bantam is not answering right now.';
  return (
    <div role="alert" className="banner banner-wait">
      {what} Trying again in {seconds} s.
    </div>
  );
}
