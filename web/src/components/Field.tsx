import { cloneElement, useId, type ReactElement } from 'react';

type Props = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
};

/** A labelled control with its own message (the API's errors[] for that field) under it. */
export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? messageId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <small id={hintId} className="hint">{hint}</small>}
      {error && <small id={messageId} className="field-error">{error}</small>}
    </div>
  );
}
