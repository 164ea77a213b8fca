// Shared reads, by the keys every page uses (so a change in one place refreshes the others).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './api/client';
import type { Availability, Booking, Relationship, Task } from './api/types';
import { useUser } from './auth/session';

type Page = { items?: unknown[]; nextCursor?: string | null };

/** Every item of a list: pages of 500 (the API's maximum), following nextCursor to the end. */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<Page>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    items.push(...((answer.items ?? []) as T[]));
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const PAGE = 500;

export function useRelationships() {
  return useQuery({
    queryKey: ['relationships'],
    queryFn: () => allPages<Relationship>((cursor) =>
      call(api.GET('/api/relationships', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }))),
  });
}

export function useBookings(from: string, to: string) {
  return useQuery({
    queryKey: ['bookings', from, to],
    enabled: Boolean(from && to),
    queryFn: () => allPages<Booking>((cursor) =>
      call(api.GET('/api/bookings', { params: { query: { from, to, limit: PAGE, ...(cursor ? { cursor } : {}) } } }))),
  });
}

export function useAvailability(freelancerId: string | undefined) {
  return useQuery({
    queryKey: ['availability', freelancerId],
    enabled: Boolean(freelancerId),
    queryFn: () =>
      call<Availability>(api.GET('/api/availability/{freelancerId}', { params: { path: { freelancerId: freelancerId! } } })),
    retry: (count, error) => !(error instanceof Error && 'status' in error && (error as { status: number }).status === 404) && count < 2,
  });
}

/** The zone a freelancer's times are in: its availability's, else its profile's. */
export function useMyZone(): string {
  const user = useUser();
  return user.timeZone;
}

type TaskQuery = { completed?: boolean; clientId?: string; priority?: 'LOW' | 'MEDIUM' | 'HIGH'; dueBefore?: string };

export function useTasks(query: TaskQuery, enabled = true) {
  return useQuery({
    queryKey: ['tasks', query],
    enabled,
    queryFn: () => allPages<Task>((cursor) =>
      call(api.GET('/api/tasks', { params: { query: { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) } } }))),
  });
}

/** Done / not done at once on every task list, rolled back (with the error) when the API refuses. */
export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) =>
      call<Task>(api.PATCH('/api/tasks/{id}', { params: { path: { id: task.id } }, body: { completed: !task.completed } })),
    onMutate: async (task: Task) => {
      await queryClient.cancelQueries({ queryKey: ['tasks'] });
      const before = queryClient.getQueriesData<Task[]>({ queryKey: ['tasks'] });
      queryClient.setQueriesData<Task[]>({ queryKey: ['tasks'] }, (list) =>
        list?.map((t) => (t.id === task.id ? { ...t, completed: !task.completed } : t)));
      return { before };
    },
    onError: (_error, _task, context) => {
      context?.before.forEach(([key, data]) => queryClient.setQueryData(key, data));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

export function clientName(r: Relationship | undefined): string {
  if (!r) return 'General';
  return r.client?.preferredName || r.client?.name || r.client?.email || 'Client';
}
