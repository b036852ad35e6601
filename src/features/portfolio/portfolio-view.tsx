import { useTranslation } from 'react-i18next';
import { usePortfolio } from '@/api/portfolio';
import { EmptyState } from '@/components/empty-state';
import { ConsortiumCard } from './consortium-card';
import { ProgrammeHeader } from './programme-header';

export function PortfolioView({ programmeId, asOf }: { programmeId: string; asOf?: string }) {
  const { t } = useTranslation();
  const portfolio = usePortfolio(programmeId, asOf);
  return (
    <>
      <ProgrammeHeader programme={portfolio.programme} asOf={portfolio.asOf} />
      <section aria-labelledby="portfolio-consortia">
        <h2 id="portfolio-consortia">
          {t('portfolio.consortia', { count: portfolio.consortia.length })}
        </h2>
        {portfolio.consortia.length === 0 ? (
          <EmptyState title={t('portfolio.empty.title')}>
            <p>{t('portfolio.empty.body')}</p>
          </EmptyState>
        ) : (
          <ul className="card-grid">
            {portfolio.consortia.map((card) => (
              <li key={card.id}>
                <ConsortiumCard card={card} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
