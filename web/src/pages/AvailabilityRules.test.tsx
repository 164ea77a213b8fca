import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { downloadBookingIcs } from '../components/calendarFiles';
import { ClientRulesSection, RulesForm, StrandedNotice, TimeOffSection } from './AvailabilityRules';
import { DEFAULT_RULES } from './bookingRules';

const user = { id: 'f1', email: 'ada@example.com', name: 'Ada', role: 'FREELANCER', timeZone: 'Europe/Berlin',
  phone: null, preferredName: null, pronouns: null, createdAt: '2026-01-01T00:00:00Z' };
const relationship = { id: 'r1', freelancerId: 'f1', clientId: 'c1', status: 'ACTIVE', createdAt: '2026-01-01T00:00:00Z', endedAt: null,
  client: { id: 'c1', name: 'Grace', email: 'grace@example.com', preferredName: null, pronouns: null, phone: null, timeZone: 'UTC' },
  freelancer: { id: 'f1', name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' } };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });

type Handler = (request: Request) => Response | Promise<Response>;

describe('the availability rules', () => {
  let routes: Record<string, Handler>;
  const sent: { method: string; path: string; body: unknown; auth: string | null }[] = [];
  beforeEach(() => {
    sent.length = 0;
    session.signedIn({ user, accessToken: 'token', refreshToken: null, tokenType: 'Bearer', expiresIn: 900 } as never);
    routes = {
      'GET /api/relationships': () => json(200, { items: [relationship], nextCursor: null }),
    };
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const text = request.method === 'GET' ? '' : await request.clone().text();
      sent.push({ method: request.method, path, body: text ? JSON.parse(text) : null, auth: request.headers.get('Authorization') });
      const handler = routes[`${request.method} ${path}`];
      return handler ? handler(request) : json(404, { status: 404, code: 'not-found' });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderIt(node: React.ReactNode) {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
        <MemoryRouter>{node}</MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('shows the API’s errors[] at the rule’s field and sends nothing out of range', async () => {
    routes['PUT /api/availability/rules'] = () => json(400, { status: 400, code: 'request.invalid',
      errors: [{ field: 'minimumNoticeMinutes', message: 'must be at most 43200' }] });
    renderIt(<RulesForm rules={DEFAULT_RULES} />);
    const buffer = screen.getByLabelText('Buffer before a booking (minutes)');
    await userEvent.clear(buffer);
    await userEvent.type(buffer, '300');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(buffer.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Between 0 and 240.')).toBeTruthy();
    expect(sent.filter((s) => s.method === 'PUT')).toHaveLength(0);

    await userEvent.clear(buffer);
    await userEvent.type(buffer, '15');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('must be at most 43200')).toBeTruthy();
    expect(screen.getByLabelText('Minimum notice (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(sent.find((s) => s.method === 'PUT')?.body).toEqual({ ...DEFAULT_RULES, bufferBeforeMinutes: 15 });
  });

  it('a client’s rule on “use default” is sent as null, its own value as a number', async () => {
    routes['GET /api/availability/clients/c1/rules'] = () => json(200, { clientId: 'c1', bufferBeforeMinutes: 30, bufferAfterMinutes: null,
      minimumNoticeMinutes: null, horizonDays: null, maxBookingsPerWeek: null, changeCutoffMinutes: null });
    routes['PUT /api/availability/clients/c1/rules'] = async (r) => json(200, { clientId: 'c1', ...(await r.json()) });
    renderIt(<ClientRulesSection defaults={{ ...DEFAULT_RULES, maxBookingsPerWeek: 3 }} />);
    await userEvent.selectOptions(await screen.findByLabelText('Client'), await screen.findByRole('option', { name: 'Grace' }));
    const own = await screen.findByLabelText('Buffer before a booking for Grace');
    expect((own as HTMLInputElement).value).toBe('30');
    expect(screen.getByRole('checkbox', { name: 'Most bookings per client a week: use default (3 bookings)' })).toBeTruthy();
    // the buffer goes back to the default; the notice gets the client's own value
    await userEvent.click(screen.getByRole('checkbox', { name: 'Buffer before a booking: use default (0 minutes)' }));
    expect(screen.queryByLabelText('Buffer before a booking for Grace')).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Minimum notice: use default (0 minutes)' }));
    const notice = screen.getByLabelText('Minimum notice for Grace');
    await userEvent.clear(notice);
    await userEvent.type(notice, '120');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules for Grace' }));
    await screen.findByText('Saved.');
    expect(sent.find((s) => s.method === 'PUT')?.body).toEqual({ bufferBeforeMinutes: null, bufferAfterMinutes: null,
      minimumNoticeMinutes: 120, horizonDays: null, maxBookingsPerWeek: null, changeCutoffMinutes: null });
  });

  it('after adding time off, says how many bookings no longer fit, with a link to the list', async () => {
    routes['POST /api/availability/time-off'] = async (r) => json(201, { id: 't1', ...(await r.json()), note: null },
      { 'Bantam-Stranded-Bookings': '2' });
    let count: number | null = null;
    renderIt(<TimeOffSection timeOff={[]} zone="Europe/Berlin" onStranded={(n) => (count = n)} />);
    await userEvent.type(screen.getByLabelText('Time off starts'), '2027-01-10T09:00');
    await userEvent.type(screen.getByLabelText('Time off ends'), '2027-01-12T18:00');
    await userEvent.click(screen.getByRole('button', { name: 'Add time off' }));
    await waitFor(() => expect(count).toBe(2));
    expect(sent.find((s) => s.method === 'POST')?.body).toEqual({ start: '2027-01-10T08:00:00Z', end: '2027-01-12T17:00:00Z' });
    renderIt(<StrandedNotice count={count} />);
    expect(screen.getByRole('status').textContent).toMatch(/2 future bookings no longer fit/);
    expect(screen.getByRole('link', { name: 'See the list' }).getAttribute('href')).toBe('#stranded-title');
  });

  it('downloads a booking’s calendar file with the bearer token, as a blob', async () => {
    routes['GET /api/bookings/b1/ics'] = () => new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { status: 200, headers: { 'content-type': 'text/calendar' } });
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => { created.push(b); return 'blob:x'; }, revokeObjectURL: () => {} }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('booking-b1.ics');
    });
    await downloadBookingIcs('b1');
    expect(sent[0]?.auth).toBe('Bearer token');
    expect(clicked).toHaveBeenCalledOnce();
    expect(await created[0]!.text()).toContain('BEGIN:VCALENDAR');
    await expect(downloadBookingIcs('nope')).rejects.toThrow('This does not exist, or it is not yours.');
  });
});
