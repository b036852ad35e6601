import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';

/** The two ways to read the portfolio: a card per consortium, or consortium × KPI at a period. */
export function PortfolioViews({ current }: { current: 'cards' | 'heatmap' }) {
  const { t } = useTranslation();
  const views = [
    { key: 'cards', to: paths.portfolio.getHref(), label: t('portfolio.views.cards') },
    { key: 'heatmap', to: paths.heatmap.getHref(), label: t('portfolio.views.heatmap') },
  ] as const;
  return (
    <nav className="tabs" aria-label={t('portfolio.views.label')}>
      {views.map((v) => (
        <Link
          key={v.key}
          to={v.to}
          className="tab"
          aria-current={v.key === current ? 'page' : undefined}
        >
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
