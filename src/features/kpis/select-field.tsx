import type { ComponentPropsWithRef } from 'react';
import { FieldFrame, type FieldLabelling } from '@/components/form-field';

interface SelectFieldProps
  extends FieldLabelling, Omit<ComponentPropsWithRef<'select'>, 'id' | 'className'> {
  options: readonly { value: string; label: string }[];
}

/** A labelled select whose hint and error are read out with it, like the shared Field. */
export function SelectField({ options, ...field }: SelectFieldProps) {
  return (
    <FieldFrame field={field}>
      {(select) => (
        <select className="input" {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
