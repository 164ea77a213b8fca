import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { AppShell } from './components/AppShell';
import { NotFoundPage } from './components/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { ProfilePage } from './pages/ProfilePage';
import { TodayPage } from './pages/TodayPage';
import { ClientsPage } from './pages/ClientsPage';
import { ClientPage } from './pages/ClientPage';
import { TasksPage } from './pages/TasksPage';
import { NotesPage } from './pages/NotesPage';
import { AvailabilityPage } from './pages/AvailabilityPage';
import { BookPage } from './pages/BookPage';
import { MyBookingsPage } from './pages/MyBookingsPage';
import { MyFreelancersPage } from './pages/MyFreelancersPage';
import { BookingPage } from './pages/BookingPage';
import type { Role } from './api/types';

// FullCalendar is the largest part of the app: loaded only when the calendar is opened.
const CalendarPage = lazy(() => import('./pages/CalendarPage'));

function Loading() {
  return <p className="loading" aria-busy="true">Loading…</p>;
}

function Only({ role, children }: { role: Role; children: ReactNode }) {
  const state = useSession();
  if (state.status !== 'signed-in') return null;
  return state.user.role === role ? <>{children}</> : <NotFoundPage />;
}

export function App() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading />;
  if (state.status === 'signed-out') {
    return (
      <Routes>
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/signin" element={<SignInPage notice={state.reason} />} />
        <Route path="*" element={<Navigate to="/signin" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  const home = state.user.role === 'FREELANCER' ? '/today' : '/book';
  const from = (location.state as { from?: string } | null)?.from;
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/signin" element={<Navigate to={from && from !== '/signin' ? from : home} replace />} />
          <Route path="/signup" element={<Navigate to={home} replace />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/bookings/:id" element={<BookingPage />} />
          <Route path="/today" element={<Only role="FREELANCER"><TodayPage /></Only>} />
          <Route path="/calendar" element={<Only role="FREELANCER"><CalendarPage /></Only>} />
          <Route path="/clients" element={<Only role="FREELANCER"><ClientsPage /></Only>} />
          <Route path="/clients/:id" element={<Only role="FREELANCER"><ClientPage /></Only>} />
          <Route path="/tasks" element={<Only role="FREELANCER"><TasksPage /></Only>} />
          <Route path="/notes" element={<Only role="FREELANCER"><NotesPage /></Only>} />
          <Route path="/availability" element={<Only role="FREELANCER"><AvailabilityPage /></Only>} />
          <Route path="/book" element={<Only role="CLIENT"><BookPage /></Only>} />
          <Route path="/book/:freelancerId" element={<Only role="CLIENT"><BookPage /></Only>} />
          <Route path="/my-bookings" element={<Only role="CLIENT"><MyBookingsPage /></Only>} />
          <Route path="/my-freelancers" element={<Only role="CLIENT"><MyFreelancersPage /></Only>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}
