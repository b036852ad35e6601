import { useTranslation } from 'react-i18next';
import type { Partner } from '@domain/contract/consortium';
import { EmptyState } from '@/components/empty-state';

export function PartnersTable({
  partners,
  consortiumName,
}: {
  partners: Partner[];
  consortiumName: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="partners-heading">
      <h2 id="partners-heading">{t('partners.heading')}</h2>
      {partners.length === 0 ? (
        <EmptyState title={t('partners.empty')} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="partners-caption">
          <table className="table">
            <caption id="partners-caption">
              {t('partners.caption', { name: consortiumName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('partners.name')}</th>
                <th scope="col">{t('partners.type')}</th>
                <th scope="col">{t('partners.role')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.organisationId}>
                  <th scope="row">
                    {p.name}
                    {p.isLead ? <span className="tag">{t('partners.leadTag')}</span> : null}
                  </th>
                  <td>{t(`organisationType.${p.type}`)}</td>
                  <td>{p.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
