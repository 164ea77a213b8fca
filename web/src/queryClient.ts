import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/problem';

/** How often a read that meets 429/503 is tried again: at one Retry-After (1 s at least) each, many minutes. */
export const WAIT_RETRIES = 120;

/**
 * Reads that met a 429 or 503 are tried again after each Retry-After, for as long as a service takes to come back
 * (the countdown shows meanwhile); a lost connection twice more. Mutations are never retried by themselves.
 */
export function retryRead(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return (error.status === 429 || error.status === 503) && failureCount < WAIT_RETRIES;
  return error instanceof TypeError && failureCount < 2;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.problem.retryAfter !== undefined) return Math.max(1, error.problem.retryAfter) * 1000;
  return Math.min(1000 * 2 ** failureCount, 10_000);
}

/** When the countdown ends: every shown read that gave up (or failed) is read again, without a reload. */
export function refetchFailedReads(client: QueryClient): Promise<void> {
  return client.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
}

export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: { retry: retryRead, retryDelay, staleTime: 15_000 },
      mutations: { retry: false, networkMode: 'online' },
    },
  });
}

export const queryClient = createQueryClient();
