import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import type { Role, Session } from '../api/types';
import { session } from '../auth/session';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { ZoneSelect } from '../components/ZoneSelect';
import { browserZone } from '../time/time';

export function SignUpPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('FREELANCER');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [tooShort, setTooShort] = useState(false);
  const signUp = useMutation({
    mutationFn: () =>
      call<Session>(api.POST('/api/auth/signup', { body: { name, email, password, role, timeZone } })),
    onSuccess: (fresh) => session.signedIn(fresh),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const short = password.length < 8;
    setTooShort(short);
    if (!short) signUp.mutate();
  };
  const fields = ['name', 'email', 'password', 'role', 'timeZone'];
  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <h1>Create your Bantam account</h1>
        <ProblemAlert error={signUp.error} fields={fields} />
        <Field label="Name" error={fieldError(signUp.error, 'name')}>
          <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Email" error={fieldError(signUp.error, 'email')}>
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" hint="At least 8 characters."
          error={tooShort ? 'Use at least 8 characters.' : fieldError(signUp.error, 'password')}>
          <input type="password" autoComplete="new-password" required minLength={8} value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <fieldset className="role-choice">
          <legend>I am a</legend>
          <label>
            <input type="radio" name="role" value="FREELANCER" checked={role === 'FREELANCER'}
              onChange={() => setRole('FREELANCER')} />
            Freelancer
          </label>
          <label>
            <input type="radio" name="role" value="CLIENT" checked={role === 'CLIENT'} onChange={() => setRole('CLIENT')} />
            Client
          </label>
        </fieldset>
        <Field label="Time zone" error={fieldError(signUp.error, 'timeZone')} hint="Preselected from this browser.">
          <ZoneSelect value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={signUp.isPending}>Create account</button>
        <p>
          Already have an account? <Link to="/signin">Sign in</Link>
        </p>
      </form>
    </div>
  );
}
