import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '@domain/contract/auth';
import { useLogout } from '@/api/auth';
import { consortiaQueryOptions } from '@/api/consortia';
import { programmesQueryOptions } from '@/api/programmes';
import { paths } from '@/lib/paths';

/** "My account": e-mail, each role with where it applies, and signing out. */
export default function AccountPanel({ me, onClose }: { me: Me; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programmes = useQuery(programmesQueryOptions()).data?.items ?? [];
  const firstProgramme = me.memberships[0]?.programmeId ?? '';
  const consortia =
    useQuery({ ...consortiaQueryOptions(firstProgramme), enabled: firstProgramme !== '' }).data
      ?.items ?? [];
  const logout = useLogout({
    leave: () => Promise.resolve(navigate(paths.login.getHref(), { replace: true })),
  });
  const where = (m: Me['memberships'][number]) =>
    m.consortiumId
      ? (consortia.find((c) => c.id === m.consortiumId)?.name ?? m.consortiumId)
      : (programmes.find((p) => p.id === m.programmeId)?.name ?? m.programmeId);
  return (
    <>
      <h2 className="account-title">{t('account.title')}</h2>
      <dl className="facts">
        <div className="fact">
          <dt>{t('account.email')}</dt>
          <dd>{me.email}</dd>
        </div>
        <div className="fact">
          <dt>{t('account.roles')}</dt>
          <dd>
            <ul className="plain-list">
              {me.memberships.map((m) => (
                <li key={`${m.role}-${m.programmeId}-${m.consortiumId ?? ''}`}>
                  {t('account.roleAt', { role: t(`role.${m.role}`), where: where(m) })}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="actions account-actions">
        <button
          type="button"
          className="button"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {t('account.signOut')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </>
  );
}
