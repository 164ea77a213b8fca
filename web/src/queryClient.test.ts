import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api/problem';
import { createQueryClient, refetchFailedReads, retryDelay, retryRead, WAIT_RETRIES } from './queryClient';

const unavailable = (retryAfter?: number) =>
  new ApiError({ status: 503, code: 'service.unavailable', ...(retryAfter === undefined ? {} : { retryAfter }) });

describe('reads after 429/503', () => {
  it('are retried many times, each after the Retry-After, as long as a service takes to come back', () => {
    expect(retryRead(4, unavailable(5))).toBe(true);
    expect(retryRead(60, new ApiError({ status: 429, code: 'rate-limited', retryAfter: 2 }))).toBe(true);
    expect(retryRead(WAIT_RETRIES, unavailable(5))).toBe(false);
    expect(retryDelay(7, unavailable(5))).toBe(5000);
    expect(retryDelay(1, unavailable(0))).toBe(1000); // never a tight loop
  });

  it('are not retried for refusals, and mutations never by themselves', () => {
    expect(retryRead(0, new ApiError({ status: 404, code: 'not-found' }))).toBe(false);
    expect(retryRead(0, new ApiError({ status: 422, code: 'request.invalid' }))).toBe(false);
    expect(createQueryClient().getDefaultOptions().mutations?.retry).toBe(false);
  });

  it('that gave up are read again when the countdown ends', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let up = false;
    const observer = new QueryObserver(client, {
      queryKey: ['tasks'],
      queryFn: async () => {
        if (!up) throw unavailable(1);
        return ['Survive the outage'];
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => observer.getCurrentResult().status).toBe('error');
    up = true;
    await refetchFailedReads(client);
    expect(observer.getCurrentResult().data).toEqual(['Survive the outage']);
    unsubscribe();
  });
});
