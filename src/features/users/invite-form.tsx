import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Email, type AccountLink } from '@domain/contract/auth';
import type { Consortium } from '@domain/contract/consortium';
import { Role } from '@domain/contract/reporting';
import { isApiError } from '@/api/errors';
import { useInvite } from '@/api/users';
import { Field } from '@/components/form-field';

type Errors = { email?: string; consortiumId?: string; form?: string };

/** Leads and members belong to a consortium; managers and observers to the whole programme. */
const needsConsortium = (role: Role) => role === 'lead' || role === 'member';

export function InviteForm({
  programmeId,
  consortia,
  onInvited,
}: {
  programmeId: string;
  consortia: Consortium[];
  onInvited: (link: AccountLink) => void;
}) {
  const { t } = useTranslation();
  const invite = useInvite(programmeId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [consortiumId, setConsortiumId] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const parsed = Email.safeParse(email);
    if (!parsed.success) next.email = t('invite.errors.email');
    if (needsConsortium(role) && !consortiumId) next.consortiumId = t('invite.errors.consortium');
    setErrors(next);
    if (!parsed.success || next.consortiumId) return;
    invite.mutate(
      { email: parsed.data, role, consortiumId: needsConsortium(role) ? consortiumId : null },
      {
        onSuccess: (link) => {
          setEmail('');
          onInvited(link);
        },
        onError: (error) => setErrors(serverErrors(error, t)),
      },
    );
  };

  return (
    <form
      className="form invite-form"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="invite-title"
    >
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="muted">{t('invite.intro')}</p>
      <div role="alert" className={errors.form ? 'form-error' : 'form-error is-empty'}>
        {errors.form}
      </div>
      <div className="form-row">
        <Field
          label={t('invite.email')}
          type="email"
          name="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <div className="field">
          <label htmlFor="invite-role" className="field-label">
            {t('invite.role')}
          </label>
          <select
            id="invite-role"
            className="input"
            value={role}
            onChange={(e) => setRole(Role.parse(e.target.value))}
          >
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {needsConsortium(role) ? (
          <div className="field">
            <label htmlFor="invite-consortium" className="field-label">
              {t('invite.consortium')}
            </label>
            <select
              id="invite-consortium"
              className="input"
              value={consortiumId}
              aria-invalid={errors.consortiumId ? true : undefined}
              aria-describedby={errors.consortiumId ? 'invite-consortium-error' : undefined}
              onChange={(e) => setConsortiumId(e.target.value)}
            >
              <option value="">{t('invite.chooseConsortium')}</option>
              {consortia.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {errors.consortiumId ? (
              <p id="invite-consortium-error" className="field-error">
                {errors.consortiumId}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <button type="submit" className="button button-primary" disabled={invite.isPending}>
        {invite.isPending ? t('invite.sending') : t('invite.submit')}
      </button>
    </form>
  );
}

// TFunction, not ReturnType<typeof useTranslation>['t']: with every feature's keys, the latter
// makes tsc give up (TS2589).
type T = TFunction;

/** The server's refusal, on the field it names when it names one. */
function serverErrors(error: unknown, t: T): Errors {
  if (!isApiError(error)) return { form: t('invite.errors.failed') };
  if (error.status === 409) return { email: t('invite.errors.alreadyMember') };
  const issues = (error.details as { issues?: { field?: string }[] } | undefined)?.issues ?? [];
  const fields = new Set(issues.map((i) => i.field));
  if (fields.has('email')) return { email: t('invite.errors.email') };
  if (fields.has('consortiumId')) return { consortiumId: t('invite.errors.consortium') };
  return { form: t('invite.errors.failed') };
}
