import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Shown under the field, announced with it (aria-describedby) and marks it invalid. */
  error?: string | null;
  /** A standing hint (a rule to follow), also tied to the field. */
  hint?: ReactNode;
  /** Ids of other messages that concern this field, such as a form-level error. */
  describedBy?: string;
  /** Sits at the end of the input, such as a show-password toggle. */
  trailing?: ReactNode;
}

/** A labelled input whose hint and error are read out with it, as WCAG 1.3.1 and 3.3.1 ask. */
export function Field({
  label,
  error,
  hint,
  describedBy,
  trailing,
  className,
  ...input
}: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null, describedBy ?? null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className={trailing ? 'field-control has-trailing' : 'field-control'}>
        <input
          id={id}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          {...input}
        />
        {trailing}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
