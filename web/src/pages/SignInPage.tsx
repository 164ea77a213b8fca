import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import type { Session } from '../api/types';
import { session } from '../auth/session';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';

export function SignInPage({ notice }: { notice?: string | undefined }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => call<Session>(api.POST('/api/auth/login', { body: { email, password } })),
    onSuccess: (fresh) => session.signedIn(fresh),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <h1>Sign in to Bantam</h1>
        {notice && !signIn.error && <div role="alert" className="alert">{notice}</div>}
        <ProblemAlert error={signIn.error} fields={['email', 'password']} />
        <Field label="Email" error={fieldError(signIn.error, 'email')}>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" error={fieldError(signIn.error, 'password')}>
          <input type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={signIn.isPending}>Sign in</button>
        <p>
          New here? <Link to="/signup">Create an account</Link>
        </p>
      </form>
    </div>
  );
}
