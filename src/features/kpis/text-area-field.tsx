import type { ComponentPropsWithRef } from 'react';
import { FieldFrame, type FieldLabelling } from '@/components/form-field';

type TextAreaFieldProps = FieldLabelling &
  Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'className'>;

/** The multi-line twin of the shared Field: hint and error are read out with the control. */
export function TextAreaField(field: TextAreaFieldProps) {
  return (
    <FieldFrame field={field}>
      {(area) => <textarea className="input" rows={2} {...area} />}
    </FieldFrame>
  );
}
