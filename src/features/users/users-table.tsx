import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@domain/contract/auth';
import type { Consortium } from '@domain/contract/consortium';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

interface UsersTableProps {
  users: UserSummary[];
  consortia: Consortium[];
  programmeName: string;
  meId: string;
  onToggleDisabled: (user: UserSummary) => void;
  onResetLink: (user: UserSummary) => void;
  busy: boolean;
}

export function UsersTable({
  users,
  consortia,
  programmeName,
  meId,
  onToggleDisabled,
  onResetLink,
  busy,
}: UsersTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const consortiumName = (id: string) => consortia.find((c) => c.id === id)?.name ?? id;
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-caption">
      <table className="table table-cards">
        <caption id="users-caption">{t('users.caption', { name: programmeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('account.email')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastSignIn')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.name}
                {u.id === meId ? <span className="muted"> ({t('users.you')})</span> : null}
              </th>
              <td className="nowrap" data-label={t('account.email')}>
                {u.email}
              </td>
              <td data-label={t('users.roles')}>
                <ul className="plain-list">
                  {u.memberships.map((m) => (
                    <li key={`${m.role}-${m.consortiumId ?? ''}`}>
                      {m.consortiumId
                        ? t('account.roleAt', {
                            role: t(`role.${m.role}`),
                            where: consortiumName(m.consortiumId),
                          })
                        : t(`role.${m.role}`)}
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t('users.status')}>
                <span
                  className={u.disabled ? 'badge badge-user-disabled' : 'badge badge-user-active'}
                >
                  {u.disabled ? t('users.disabled') : t('users.active')}
                </span>
              </td>
              <td className="nowrap" data-label={t('users.lastSignIn')}>
                {u.lastSignInAt ? (
                  formatDateTime(u.lastSignInAt, locale)
                ) : (
                  <span className="muted">{t('users.never')}</span>
                )}
              </td>
              <td data-label={t('users.actions')}>
                <div
                  className="row-actions"
                  role="group"
                  aria-label={t('users.actionsFor', { name: u.name })}
                >
                  {u.id === meId || !u.accountWide ? null : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy}
                      onClick={() => onToggleDisabled(u)}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy || u.disabled}
                    onClick={() => onResetLink(u)}
                  >
                    {t('users.resetLink')}
                  </button>
                </div>
                {u.accountWide ? null : <p className="muted small">{t('users.sharedAccount')}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
