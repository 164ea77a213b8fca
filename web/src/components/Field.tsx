import { cloneElement, useId, type ReactElement } from 'react';

type Props = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** the label stays for assistive technology but is not drawn (compact rows such as the week editor) */
  hideLabel?: boolean;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
};

/** A labelled control with its own message (the API's errors[] for that field) under it. */
export function Field({ label, error, hint, hideLabel, children }: Props) {
  const id = useId();
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? messageId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <small id={hintId} className="hint">{hint}</small>}
      {error && <small id={messageId} className="field-error">{error}</small>}
    </div>
  );
}
