import { useTranslation } from 'react-i18next';
import type { Programme } from '@domain/contract/programme';
import { PageHeader } from '@/components/page-header';
import { formatDate } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

export function ProgrammeHeader({ programme, asOf }: { programme: Programme; asOf: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PageHeader title={programme.name} eyebrow={t('portfolio.eyebrow')}>
      <ul className="inline-facts">
        {programme.funder ? <li>{t('programme.fundedBy', { funder: programme.funder })}</li> : null}
        <li>
          {t('common.dateRange', {
            start: formatDate(programme.startDate, locale),
            end: formatDate(programme.endDate, locale),
          })}
        </li>
        <li>
          <strong>{t('portfolio.asOf', { date: formatDate(asOf, locale, 'long') })}</strong>
        </li>
      </ul>
    </PageHeader>
  );
}
