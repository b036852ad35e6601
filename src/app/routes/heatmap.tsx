import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import type { Programme } from '@domain/contract/programme';
import { todayIso } from '@domain/rules/periods';
import { heatmapQueryOptions, useHeatmap } from '@/api/heatmap';
import {
  ensureCurrentProgramme,
  periodsQueryOptions,
  useCurrentProgramme,
  usePeriods,
} from '@/api/programmes';
import { EmptyState } from '@/components/empty-state';
import { NoProgramme } from '@/components/no-programme';
import { PageHeader } from '@/components/page-header';
import { HeatmapGrid } from '@/features/heatmap/heatmap-grid';
import { HeatmapList } from '@/features/heatmap/heatmap-list';
import { chosenHeatmapPeriod, heatmapPeriods } from '@/features/heatmap/heatmap-period';
import { PortfolioViews } from '@/features/portfolio/portfolio-views';
import { formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const programme = await ensureCurrentProgramme(queryClient);
    if (!programme) return null;
    const { items } = await queryClient.ensureQueryData(periodsQueryOptions(programme.id));
    const today = todayIso();
    const asked = new URL(request.url).searchParams.get('period');
    const period = chosenHeatmapPeriod(asked, heatmapPeriods(items, today), today);
    await queryClient.ensureQueryData(heatmapQueryOptions(programme.id, period));
    return null;
  };

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  if (!programme) return <NoProgramme title={t('heatmap.title')} />;
  return <HeatmapScreen programme={programme} />;
}

function HeatmapScreen({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const offered = heatmapPeriods(usePeriods(programme.id).items, today);
  const period = chosenHeatmapPeriod(params.get('period'), offered, today);
  const asList = params.get('view') === 'table';
  const heatmap = useHeatmap(programme.id, period);

  // Period and view live in the URL: a shared link opens the same heatmap.
  const set = (key: 'period' | 'view', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <PageHeader title={t('heatmap.title')} eyebrow={programme.name}>
        <p>{t('heatmap.intro')}</p>
      </PageHeader>
      <PortfolioViews current="heatmap" />
      <div className="tl-controls heatmap-controls">
        <label className="field heatmap-period">
          <span className="field-label">{t('heatmap.period')}</span>
          <select className="input" value={period} onChange={(e) => set('period', e.target.value)}>
            {offered.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p, locale)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="toggle"
          aria-pressed={asList}
          onClick={() => set('view', asList ? null : 'table')}
        >
          {t('heatmap.asTable')}
        </button>
      </div>
      {heatmap.consortia.length === 0 || heatmap.kpis.length === 0 ? (
        <EmptyState title={t('heatmap.empty.title')}>
          <p>{t('heatmap.empty.body')}</p>
        </EmptyState>
      ) : asList ? (
        <HeatmapList heatmap={heatmap} />
      ) : (
        <HeatmapGrid heatmap={heatmap} />
      )}
    </>
  );
}
