import { ApiError, describeProblem } from '../api/problem';

/** Any error in words, in a role="alert" region; field errors stay at their fields (FieldMessage). */
export function ProblemAlert({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError) {
    const others = (error.problem.errors ?? []).filter((e) => !fields.some((f) => e.field === f || e.field.endsWith(`.${f}`)));
    text = describeProblem(error.problem);
    if (others.length) text += ' ' + others.map((e) => `${e.field}: ${e.message}`).join('; ');
  } else if (error instanceof TypeError) {
    text = 'Bantam could not be reached. Check your connection.';
  } else {
    text = error instanceof Error ? error.message : String(error);
  }
  return (
    <div role="alert" className="alert">
      {text}
    </div>
  );
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}
