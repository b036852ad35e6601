import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Consortium } from '@domain/contract/consortium';
import { paths } from '@/lib/paths';
import { formatDate } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

export function ConsortiaTable({
  consortia,
  programmeName,
}: {
  consortia: Consortium[];
  programmeName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="consortia-caption">
      <table className="table">
        <caption id="consortia-caption">{t('consortia.caption', { name: programmeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consortia.name')}</th>
            <th scope="col">{t('consortium.solution')}</th>
            <th scope="col">{t('consortium.lead')}</th>
            <th scope="col">{t('consortium.territory')}</th>
            <th scope="col">{t('consortium.period')}</th>
            <th scope="col">{t('consortium.status')}</th>
          </tr>
        </thead>
        <tbody>
          {consortia.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={paths.consortium.getHref(c.id)}>{c.name}</Link>
              </th>
              <td>{c.solution}</td>
              <td>{c.partners.find((p) => p.isLead)?.name ?? t('card.noLead')}</td>
              <td>{c.territory}</td>
              <td className="nowrap">
                {t('common.dateRange', {
                  start: formatDate(c.startDate, locale),
                  end: formatDate(c.endDate, locale),
                })}
              </td>
              <td>{t(`consortiumStatus.${c.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
