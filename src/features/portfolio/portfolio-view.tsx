import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePortfolio } from '@/api/portfolio';
import { EmptyState } from '@/components/empty-state';
import { ConsortiumCard } from './consortium-card';
import {
  applyPortfolioFilters,
  countByHealth,
  hasActiveFilters,
  NO_FILTERS,
  pageOf,
  PAGE_SIZE,
} from './portfolio-filters';
import { PortfolioPager } from './portfolio-pager';
import { PortfolioToolbar } from './portfolio-toolbar';
import { PortfolioViews } from './portfolio-views';
import { ProgrammeHeader } from './programme-header';
import { usePortfolioFilters } from './use-portfolio-filters';

export function PortfolioView({ programmeId, asOf }: { programmeId: string; asOf?: string }) {
  const { t } = useTranslation();
  const portfolio = usePortfolio(programmeId, asOf);
  const { filters, update, searchOf, pagerStep } = usePortfolioFilters();
  const all = portfolio.consortia;
  const matching = applyPortfolioFilters(all, filters);
  const shown = pageOf(matching, filters.page);
  const filtered = hasActiveFilters(filters);
  // A programme that fits on one page needs neither a search nor a pager: three cards are read
  // at a glance.
  const needsTools = all.length > PAGE_SIZE || filtered;

  const heading = useRef<HTMLHeadingElement>(null);
  // After Previous/Next the list starts again at its top: focus (and so the screen reader and the
  // scroll position) goes there rather than staying on a link at the bottom of new content. In
  // the commit that shows the new page, so nothing can act on the old focus in between.
  useLayoutEffect(() => {
    if (pagerStep) heading.current?.focus();
  }, [pagerStep]);

  const status = filtered
    ? t('portfolio.results', { count: matching.length, total: all.length })
    : t('portfolio.resultsAll', { count: all.length });
  return (
    <>
      <ProgrammeHeader programme={portfolio.programme} asOf={portfolio.asOf} />
      <PortfolioViews current="cards" />
      <section aria-labelledby="portfolio-consortia">
        <h2 id="portfolio-consortia" ref={heading} tabIndex={-1}>
          {t('portfolio.consortia', { count: all.length })}
        </h2>
        {all.length === 0 ? (
          <EmptyState title={t('portfolio.empty.title')}>
            <p>{t('portfolio.empty.body')}</p>
          </EmptyState>
        ) : (
          <>
            {needsTools ? (
              <>
                <PortfolioToolbar filters={filters} counts={countByHealth(all)} onChange={update} />
                <div className="portfolio-status">
                  <p className="muted" role="status">
                    {status}
                    {shown.pages > 1
                      ? ` — ${t('portfolio.range', { from: shown.from, to: shown.to })}`
                      : null}
                  </p>
                  {filtered && matching.length > 0 ? (
                    <Link to={{ search: searchOf(NO_FILTERS) }}>{t('portfolio.reset')}</Link>
                  ) : null}
                </div>
              </>
            ) : null}
            {matching.length === 0 ? (
              <EmptyState title={t('portfolio.noMatch.title')}>
                <p>{t('portfolio.noMatch.body')}</p>
                <p>
                  <Link to={{ search: searchOf(NO_FILTERS) }}>{t('portfolio.reset')}</Link>
                </p>
              </EmptyState>
            ) : (
              <ul className="card-grid">
                {shown.items.map((card) => (
                  <li key={card.id}>
                    <ConsortiumCard card={card} />
                  </li>
                ))}
              </ul>
            )}
            {shown.pages > 1 ? (
              <PortfolioPager
                page={shown.page}
                pages={shown.pages}
                searchOf={(page) => searchOf({ ...filters, page })}
              />
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
