import { useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/form-field';

type PasswordFieldProps = Omit<ComponentProps<typeof Field>, 'type' | 'trailing'>;

/** A password input with a show/hide toggle: people mistype what they cannot see (WCAG 3.3.8). */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Field
      {...props}
      type={visible ? 'text' : 'password'}
      trailing={
        <button
          type="button"
          className="field-toggle"
          aria-pressed={visible}
          // The visible word is short so the field keeps its width on phones; the name says more.
          aria-label={t('auth.showPassword')}
          onClick={() => setVisible((v) => !v)}
        >
          {t('auth.show')}
        </button>
      }
    />
  );
}
