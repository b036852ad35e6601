import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, TokenInfo } from '@domain/contract/auth';
import { useAcceptToken } from '@/api/auth';
import { isApiError } from '@/api/errors';
import { Field } from '@/components/form-field';
import { PasswordField } from './password-field';

const MIN = 8;
const MAX = 128;

type Errors = { name?: string; password?: string; form?: string };

/** Which field the server's refusal is about, when it says (details.issues[].field). */
function issueField(details: unknown): string | null {
  const issues = (details as { issues?: { field?: unknown }[] } | undefined)?.issues;
  const field = issues?.[0]?.field;
  return typeof field === 'string' ? field : null;
}

export function AcceptForm({
  token,
  info,
  onAccepted,
}: {
  token: string;
  info: TokenInfo;
  onAccepted: (me: Me) => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptToken();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const invitation = info.kind === 'invitation';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (info.needsName && !name.trim()) next.name = t('accept.errors.nameRequired');
    if (password.length < MIN) next.password = t('accept.errors.passwordShort');
    else if (password.length > MAX) next.password = t('accept.errors.passwordLong');
    setErrors(next);
    if (next.name || next.password) return;
    accept.mutate(
      { token, password, ...(info.needsName ? { name: name.trim() } : {}) },
      {
        onSuccess: onAccepted,
        onError: (error) => {
          const field = isApiError(error) ? issueField(error.details) : null;
          if (field === 'password') setErrors({ password: t('accept.errors.commonPassword') });
          else if (field === 'name') setErrors({ name: t('accept.errors.nameRequired') });
          else setErrors({ form: t('accept.errors.unknown') });
        },
      },
    );
  };

  return (
    <form className="form auth-form" noValidate onSubmit={onSubmit}>
      <div role="alert" className={errors.form ? 'form-error' : 'form-error is-empty'}>
        {errors.form}
      </div>
      <Field label={t('account.email')} type="email" value={info.email} readOnly />
      {info.needsName ? (
        <Field
          label={t('accept.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
      ) : null}
      <PasswordField
        label={t('accept.password')}
        name="new-password"
        autoComplete="new-password"
        hint={t('accept.passwordRule')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={accept.isPending}
      >
        {accept.isPending
          ? t('accept.saving')
          : invitation
            ? t('accept.submit')
            : t('accept.submitReset')}
      </button>
    </form>
  );
}
