import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignUpPage } from './SignUpPage';
import { session } from '../auth/session';
import { browserZone } from '../time/time';

const problem = (status: number, body: object) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'content-type': 'application/problem+json' } });

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <MemoryRouter>
        <SignUpPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function fill(password = 'long enough password') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Name'), 'Ada');
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('radio', { name: 'Client' }));
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignUpPage', () => {
  let requests: { url: string; body: unknown; session: string | null }[];
  beforeEach(() => {
    requests = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  function answer(response: () => Response) {
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      requests.push({ url: request.url, body: await request.clone().json(), session: request.headers.get('Bantam-Session') });
      return response();
    }));
  }

  it('preselects the browser’s zone and has the contract’s labels', () => {
    renderPage();
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(browserZone());
    expect(screen.getByRole('radio', { name: 'Freelancer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy();
  });

  it('refuses a short password at the field without asking the API', async () => {
    answer(() => problem(500, {}));
    renderPage();
    await fill('short');
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toHaveLength(0);
  });

  it('shows the API’s errors[] at their fields', async () => {
    answer(() => problem(400, { code: 'request.invalid', errors: [{ field: 'email', message: 'must be a well-formed email address' }] }));
    renderPage();
    await fill();
    const message = await screen.findByText('must be a well-formed email address');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
    expect(requests[0]?.body).toMatchObject({ name: 'Ada', email: 'ada@example.com', role: 'CLIENT', timeZone: browserZone() });
    expect(requests[0]?.session).toBe('cookie');
  });

  it('says in words that the email is taken', async () => {
    answer(() => problem(409, { code: 'user.email-taken', detail: 'taken' }));
    renderPage();
    await fill();
    expect((await screen.findByRole('alert')).textContent).toMatch(/already exists/);
  });

  it('signs in with the session it gets', async () => {
    const user = { id: 'u', email: 'ada@example.com', name: 'Ada', role: 'CLIENT', timeZone: 'UTC', phone: null,
      preferredName: null, pronouns: null, createdAt: '2026-01-01T00:00:00Z' };
    answer(() => new Response(JSON.stringify({ user, accessToken: 't', refreshToken: null, tokenType: 'Bearer', expiresIn: 900 }),
      { status: 201, headers: { 'content-type': 'application/json' } }));
    renderPage();
    await fill();
    await waitFor(() => expect(session.accessToken()).toBe('t'));
  });
});
