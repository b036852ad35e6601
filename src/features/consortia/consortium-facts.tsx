import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import { FactList } from '@/components/fact-list';
import { formatDate, formatEuros } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

export function ConsortiumFacts({ consortium }: { consortium: Consortium }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lead = consortium.partners.find((p) => p.isLead);
  return (
    <section className="panel" aria-labelledby="consortium-facts">
      <h2 id="consortium-facts" className="visually-hidden">
        {t('consortium.factsHeading')}
      </h2>
      {consortium.description ? <p className="lead-text">{consortium.description}</p> : null}
      <FactList
        className="facts-grid"
        facts={[
          { label: t('consortium.solution'), value: consortium.solution || t('common.notSet') },
          { label: t('consortium.lead'), value: lead ? lead.name : t('card.noLead') },
          { label: t('consortium.territory'), value: consortium.territory || t('common.notSet') },
          { label: t('consortium.budget'), value: formatEuros(consortium.budgetEur, locale) },
          {
            label: t('consortium.period'),
            value: t('common.dateRange', {
              start: formatDate(consortium.startDate, locale),
              end: formatDate(consortium.endDate, locale),
            }),
          },
          { label: t('consortium.status'), value: t(`consortiumStatus.${consortium.status}`) },
          { label: t('consortium.code'), value: consortium.code },
        ]}
      />
    </section>
  );
}
