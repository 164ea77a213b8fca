import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { TasksPage } from './TasksPage';

const user = { id: 'f1', email: 'ada@example.com', name: 'Ada', role: 'FREELANCER', timeZone: 'Europe/Berlin',
  phone: null, preferredName: null, pronouns: null, createdAt: '2026-01-01T00:00:00Z' };
const task = { id: 't1', freelancerId: 'f1', clientId: null, title: 'Send the invoice', description: null, priority: 'HIGH',
  completed: false, dueDate: '2020-01-01', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

describe('TasksPage', () => {
  let patch: () => Promise<Response>;
  let listed: typeof task;
  let reads: number;
  beforeEach(() => {
    listed = task;
    reads = 0;
    session.signedIn({ user, accessToken: 'token', refreshToken: null, tokenType: 'Bearer', expiresIn: 900 } as never);
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/relationships') return json(200, { items: [], nextCursor: null });
      if (path === '/api/tasks/settings') return json(200, { prepareForBookings: false, prepareDaysBefore: 1 });
      if (path === '/api/tasks' && request.method === 'GET') {
        reads++;
        return json(200, { items: [listed], nextCursor: null });
      }
      if (path === '/api/tasks/t1' && request.method === 'PATCH') return patch();
      return json(404, { status: 404, code: 'not-found' });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderPage() {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
        <MemoryRouter><TasksPage /></MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('marks an overdue task in words', async () => {
    renderPage();
    expect(await screen.findByText('overdue')).toBeTruthy();
  });

  it('ticks a task at once and rolls it back with the refusal in words when the API says no', async () => {
    let answer!: (r: Response) => void;
    patch = () => new Promise((resolve) => (answer = resolve));
    renderPage();
    const box = (await screen.findByRole('checkbox', { name: 'Done: Send the invoice' })) as HTMLInputElement;
    await userEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true)); // before the API answered
    answer(json(422, { status: 422, code: 'relationship.required', detail: 'not connected' }));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Done: Send the invoice' }) as HTMLInputElement).checked).toBe(false));
    expect(screen.getByRole('alert').textContent).toMatch(/not connected with this person/);
  });

  it('keeps the box ticked from the click on, and after the API said yes', async () => {
    let answer!: (r: Response) => void;
    patch = () => new Promise((resolve) => (answer = resolve));
    renderPage();
    const box = (await screen.findByRole('checkbox', { name: 'Done: Send the invoice' })) as HTMLInputElement;
    fireEvent.click(box);
    expect(box.checked).toBe(true); // in the same tick as the click, before the optimistic cache write renders
    await waitFor(() => expect(answer).toBeTypeOf('function'));
    expect(box.checked).toBe(true);
    const before = reads;
    listed = { ...task, completed: true };
    answer(json(200, listed));
    await waitFor(() => expect(reads).toBeGreaterThan(before)); // the lists read again after the answer
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Done: Send the invoice' })).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Done: Send the invoice' }) as HTMLInputElement).checked).toBe(true);
  });
});
