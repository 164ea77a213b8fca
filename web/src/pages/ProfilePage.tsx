import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import type { User } from '../api/types';
import { session } from '../auth/session';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { ZoneSelect } from '../components/ZoneSelect';
import { nowIn } from '../time/time';

export function ProfilePage() {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: () => call<User>(api.GET('/api/users/me')) });
  const [form, setForm] = useState({ name: '', preferredName: '', pronouns: '', phone: '', timeZone: 'UTC' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (me.data) {
      setForm({
        name: me.data.name,
        preferredName: me.data.preferredName ?? '',
        pronouns: me.data.pronouns ?? '',
        phone: me.data.phone ?? '',
        timeZone: me.data.timeZone,
      });
    }
  }, [me.data]);
  const save = useMutation({
    mutationFn: () => call<User>(api.PATCH('/api/users/me', { body: form })),
    onSuccess: (user) => {
      queryClient.setQueryData(['me'], user);
      session.userChanged(user);
      setSaved(true);
    },
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: e.target.value });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const fields = ['name', 'preferredName', 'pronouns', 'phone', 'timeZone'];
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">Profile</h1>
      <ProblemAlert error={me.error} />
      {me.data && (
        <form className="card narrow" onSubmit={submit} noValidate>
          <p className="muted">{me.data.email} · {me.data.role === 'FREELANCER' ? 'Freelancer' : 'Client'}</p>
          <ProblemAlert error={save.error} fields={fields} />
          <Field label="Name" error={fieldError(save.error, 'name')}>
            <input value={form.name} onChange={set('name')} autoComplete="name" />
          </Field>
          <Field label="Preferred name" error={fieldError(save.error, 'preferredName')}>
            <input value={form.preferredName} onChange={set('preferredName')} />
          </Field>
          <Field label="Pronouns" error={fieldError(save.error, 'pronouns')}>
            <input value={form.pronouns} onChange={set('pronouns')} />
          </Field>
          <Field label="Phone" error={fieldError(save.error, 'phone')}>
            <input type="tel" value={form.phone} onChange={set('phone')} autoComplete="tel" />
          </Field>
          <Field label="Time zone" error={fieldError(save.error, 'timeZone')} hint={`Local time there: ${nowIn(form.timeZone)}`}>
            <ZoneSelect value={form.timeZone} onChange={set('timeZone')} />
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>Save profile</button>
            {saved && <span role="status">Saved.</span>}
          </div>
        </form>
      )}
    </section>
  );
}
