import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { session, useUser } from '../auth/session';
import { OfflineBanner, RetryBanner } from './Banners';

const FREELANCER_LINKS = [
  ['/today', 'Today'],
  ['/calendar', 'Calendar'],
  ['/clients', 'Clients'],
  ['/tasks', 'Tasks'],
  ['/notes', 'Notes'],
  ['/availability', 'Availability'],
] as const;

const CLIENT_LINKS = [
  ['/book', 'Book'],
  ['/my-bookings', 'My bookings'],
  ['/my-freelancers', 'My freelancers'],
] as const;

export function AppShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const links = user.role === 'FREELANCER' ? FREELANCER_LINKS : CLIENT_LINKS;
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  useEffect(() => {
    // "/" jumps to the page's search field (Clients, Notes), never while typing in a field
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const search = main.current?.querySelector<HTMLInputElement>('input[type="search"]');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="shell">
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">Bantam</span>
        <nav aria-label="Main">
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to}>{label}</NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/profile">Profile</NavLink>
            </li>
          </ul>
        </nav>
        <div className="who">
          <span className="who-name">{user.preferredName || user.name}</span>
          <button
            type="button"
            onClick={() => {
              void session.signOut().then(() => queryClient.clear());
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <OfflineBanner />
      <RetryBanner />
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
