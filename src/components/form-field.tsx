import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

/** What every labelled control takes: its label, hint and error. */
export interface FieldLabelling {
  label: string;
  /** Shown under the field, announced with it (aria-describedby) and marks it invalid. */
  error?: string | null;
  /** A standing hint (a rule to follow), also tied to the field. */
  hint?: ReactNode;
  /** Ids of other messages that concern this field, such as a form-level error. */
  describedBy?: string;
  className?: string;
}

/** The attributes that tie a control to its label, hint and error. */
interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps<P extends FieldLabelling> {
  /** All the field's props: the labelling is drawn here, the rest goes on to the control. */
  field: P;
  /** Draws the control, spreading `control` on it. */
  children: (control: FieldControlProps & Omit<P, keyof FieldLabelling>) => ReactNode;
}

/**
 * The label, hint and error around any control (input, select, textarea), read out with it as
 * WCAG 1.3.1 and 3.3.1 ask.
 */
export function FieldFrame<P extends FieldLabelling>({ field, children }: FieldFrameProps<P>) {
  const { label, error, hint, describedBy, className, ...control } = field;
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
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
        ...control,
      })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// With its ref, so react-hook-form's register() can be spread on it.
interface FieldProps
  extends FieldLabelling, Omit<ComponentPropsWithRef<'input'>, 'id' | 'className'> {
  /** Sits at the end of the input, such as a show-password toggle. */
  trailing?: ReactNode;
}

/** A labelled input whose hint and error are read out with it. */
export function Field({ trailing, ...field }: FieldProps) {
  return (
    <FieldFrame field={field}>
      {(input) => (
        <div className={trailing ? 'field-control has-trailing' : 'field-control'}>
          <input className="input" {...input} />
          {trailing}
        </div>
      )}
    </FieldFrame>
  );
}
