import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { session } from '../auth/session';
import { AppShell } from './AppShell';

function renderShell(role: 'FREELANCER' | 'CLIENT') {
  session.signedIn({ accessToken: 't', refreshToken: null, tokenType: 'Bearer', expiresIn: 900,
    user: { id: 'u', email: 'a@example.com', name: 'Ada', role, timeZone: 'UTC', phone: null, preferredName: null, pronouns: null, createdAt: '' } } as never);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <AppShell><input aria-label="Note" /><input type="search" aria-label="Search clients" /></AppShell>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('AppShell', () => {
  it('has the contract’s links for a freelancer', () => {
    renderShell('FREELANCER');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Today', 'Calendar', 'Clients', 'Tasks', 'Notes', 'Availability', 'Profile']) {
      expect(nav.querySelector(`a[href="/${name === 'Profile' ? 'profile' : name.toLowerCase()}"]`)?.textContent).toBe(name);
    }
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('has the contract’s links for a client', () => {
    renderShell('CLIENT');
    for (const name of ['Book', 'My bookings', 'My freelancers', 'Profile']) {
      expect(screen.getByRole('link', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('link', { name: 'Calendar' })).toBeNull();
  });

  it('"/" jumps to the search field, but types a slash inside another field', async () => {
    renderShell('FREELANCER');
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Note'));
    await user.keyboard('a/b');
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('a/b');
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByLabelText('Search clients'));
  });
});
