import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/problem';

/** Reads that met a 429 or 503 are tried again after their Retry-After; a lost connection twice more. */
export function retryRead(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return (error.status === 429 || error.status === 503) && failureCount < 4;
  return error instanceof TypeError && failureCount < 2;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.problem.retryAfter !== undefined) return error.problem.retryAfter * 1000;
  return Math.min(1000 * 2 ** failureCount, 10_000);
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
