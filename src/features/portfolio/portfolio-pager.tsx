import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '@/components/icons';
import { PAGER_STEP } from './use-portfolio-filters';

interface PortfolioPagerProps {
  page: number;
  pages: number;
  /** The query string of another page, keeping the search and the filter. */
  searchOf: (page: number) => string;
}

/**
 * Previous and next are plain links, so that each page has an address, opens in a new tab and
 * is reached with Tab like any link. At the ends the missing direction is shown as text, not as
 * a link that goes nowhere.
 */
export function PortfolioPager({ page, pages, searchOf }: PortfolioPagerProps) {
  const { t } = useTranslation();
  const step = (to: number, label: string, icon: 'chevron-left' | 'chevron-right') => {
    const content =
      icon === 'chevron-left' ? (
        <>
          <Icon name={icon} />
          {label}
        </>
      ) : (
        <>
          {label}
          <Icon name={icon} />
        </>
      );
    return to >= 1 && to <= pages ? (
      <Link
        className="button pager-step"
        to={{ search: searchOf(to) }}
        state={{ [PAGER_STEP]: true }}
      >
        {content}
      </Link>
    ) : (
      <span className="button pager-step is-unavailable" aria-hidden="true">
        {content}
      </span>
    );
  };
  return (
    <nav className="pager" aria-label={t('portfolio.pages.label')}>
      {step(page - 1, t('portfolio.pages.previous'), 'chevron-left')}
      <p className="pager-current" aria-current="page">
        {t('portfolio.pages.current', { page, pages })}
      </p>
      {step(page + 1, t('portfolio.pages.next'), 'chevron-right')}
    </nav>
  );
}
