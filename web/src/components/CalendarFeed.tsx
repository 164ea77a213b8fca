import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { ProblemAlert } from './ProblemAlert';

type Feed = { url: string };

/** Profile's "Subscribe": the private feed address, copy, and reset (the old address stops at once). */
export function CalendarFeed() {
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: ['calendar-feed'], queryFn: () => call<Feed>(api.GET('/api/calendar/feed')) });
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => call<Feed>(api.POST('/api/calendar/feed/reset')),
    onSuccess: (f) => {
      queryClient.setQueryData(['calendar-feed'], f);
      setConfirming(false);
      setStatus('New address made. The old one no longer works.');
    },
  });
  const copy = async () => {
    if (!feed.data) return;
    try {
      await navigator.clipboard.writeText(feed.data.url);
      setStatus('Copied.');
    } catch {
      setStatus('Copying was not allowed: select the address and copy it yourself.');
    }
  };
  return (
    <div className="card narrow" aria-labelledby="subscribe-title" role="region">
      <h2 id="subscribe-title">Subscribe</h2>
      <p className="muted">Add this address to your calendar app (as a subscription) to see your bookings there. Anyone with it can read them: keep it private.</p>
      <ProblemAlert error={feed.error ?? reset.error} />
      {feed.data && (
        <>
          <Field label="Calendar feed address">
            <input readOnly value={feed.data.url} onFocus={(e) => e.target.select()} />
          </Field>
          <div className="actions">
            <button type="button" onClick={() => void copy()}>Copy address</button>
            <button type="button" className="danger" onClick={() => { setStatus(''); setConfirming(true); }}>Reset address</button>
            {status && <span role="status">{status}</span>}
          </div>
        </>
      )}
      <ConfirmDialog open={confirming} title="Reset the feed address?" confirmLabel="Reset address" danger busy={reset.isPending}
        onCancel={() => setConfirming(false)} onConfirm={() => reset.mutate()}>
        <p>The current address stops working at once: calendars subscribed to it need the new one.</p>
      </ConfirmDialog>
    </div>
  );
}
