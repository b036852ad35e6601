import type { IsoDate } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type {
  ConsortiumKpi,
  ConsortiumKpiSummary,
  KpiDefinition,
  KpiStatus,
  KpiValue,
} from '../contract/kpi';
import type { Milestone } from '../contract/milestone';
import type { ConsortiumCard, KpiStatusCounts, Portfolio } from '../contract/portfolio';
import type { Programme } from '../contract/programme';
import { consortiumHealth } from './health';
import { kpiStatus, targetAt, trend } from './kpi-status';
import { isLate, milestoneHealth } from './milestone-health';
import { isDone } from './milestone-machine';
import { compareMilestones } from './ordering';
import { comparePeriods } from './periods';
import { settingsForReader } from './disclosure';
import { forReader, type ReaderOptions } from './small-counts';

const RECENT_POINTS = 12;

/** Status of a value against its consortium's trajectory at that value's period. */
export function statusOfValue(
  kpi: KpiDefinition,
  settings: ConsortiumKpi,
  value: KpiValue | null,
): KpiStatus {
  if (!value) return 'no_data';
  return kpiStatus(
    value.value,
    targetAt(settings, value.period),
    kpi.direction,
    settings.tolerance,
  );
}

/**
 * One row per KPI the consortium tracks. `values` are the current (latest-revision) values of
 * this consortium, in any order.
 */
export function summariseConsortiumKpis(
  kpis: readonly KpiDefinition[],
  settings: readonly ConsortiumKpi[],
  values: readonly KpiValue[],
  reader: ReaderOptions,
): ConsortiumKpiSummary[] {
  const byKpi = new Map(kpis.map((k) => [k.id, k]));
  const valuesByKpi = groupBy(values, (v) => v.kpiId);
  return settings.flatMap((s) => {
    const kpi = byKpi.get(s.kpiId);
    if (!kpi) return [];
    const series = [...(valuesByKpi.get(s.kpiId) ?? [])].sort((a, b) =>
      comparePeriods(a.period, b.period),
    );
    const latestRaw = series[series.length - 1] ?? null;
    const seenSettings = settingsForReader(kpi, s, reader);
    const seen = series.map((v) => forReader(kpi, v, reader));
    const latest = seen[seen.length - 1] ?? null;
    // A hidden latest value has no status, target or trend: each would bound it.
    const hidden = latest?.suppressed ?? false;
    const targetAtLatest = latestRaw && !hidden ? targetAt(seenSettings, latestRaw.period) : null;
    return [
      {
        kpi,
        settings: seenSettings,
        latest,
        targetAtLatest,
        status: hidden ? null : statusOfValue(kpi, seenSettings, latest),
        trend: hidden
          ? 'unknown'
          : trend(
              seen.map((v) => v.value),
              kpi.direction,
              targetAtLatest,
            ),
        recent: seen.slice(-RECENT_POINTS).map((v) => ({ period: v.period, value: v.value })),
      },
    ];
  });
}

export function countStatuses(statuses: readonly KpiStatus[]): KpiStatusCounts {
  const counts: KpiStatusCounts = { green: 0, amber: 0, red: 0, no_data: 0 };
  for (const s of statuses) counts[s]++;
  return counts;
}

export interface PortfolioSource {
  programme: Programme;
  consortia: readonly Consortium[];
  milestones: readonly Milestone[];
  kpis: readonly KpiDefinition[];
  settings: readonly ConsortiumKpi[];
  values: readonly KpiValue[];
  today: IsoDate;
  /** How the caller reads each consortium's numbers: a hidden small count has no status to count. */
  readerOf: (consortium: Consortium) => ReaderOptions;
}

/** Rows grouped by a key in one pass, so per-consortium work never rescans the programme's rows. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** One consortium's rows, already separated from the rest of the programme's. */
interface CardSource {
  programme: Programme;
  kpis: readonly KpiDefinition[];
  milestones: readonly Milestone[];
  settings: readonly ConsortiumKpi[];
  values: readonly KpiValue[];
  today: IsoDate;
  reader: ReaderOptions;
}

function consortiumCard(src: CardSource, c: Consortium): ConsortiumCard {
  const { programme, today } = src;
  const ms = src.milestones;
  const opts = { today, slippageToleranceDays: programme.slippageToleranceDays };
  // Counted as the reader sees them: a red or green count of hidden cells, and the health it
  // drives, would tell an observer on which side of its target a small count lies.
  const kpiSummaries = summariseConsortiumKpis(src.kpis, src.settings, src.values, src.reader);
  const kpis = countStatuses(kpiSummaries.flatMap((k) => (k.status ? [k.status] : [])));
  const { health, reasons } = consortiumHealth({
    milestones: ms,
    kpis,
    today,
    slippageToleranceDays: programme.slippageToleranceDays,
  });
  const open = ms
    .filter((m) => !isDone(m.status))
    .sort((a, b) => a.forecastDate.localeCompare(b.forecastDate) || compareMilestones(a, b));
  const next = open[0];
  const lead = c.partners.find((p) => p.isLead);
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    solution: c.solution,
    status: c.status,
    lead: lead ? { name: lead.name, type: lead.type } : null,
    health,
    healthReasons: reasons,
    milestones: {
      approved: ms.filter((m) => m.status === 'approved').length,
      planned: ms.filter((m) => m.status !== 'waived').length,
      waived: ms.filter((m) => m.status === 'waived').length,
      late: ms.filter((m) => isLate(m, today)).length,
      atRisk: ms.filter((m) => milestoneHealth(m, opts) === 'at_risk').length,
      awaitingReview: ms.filter((m) => m.status === 'submitted').length,
    },
    nextDue: next
      ? { id: next.id, title: next.title, forecastDate: next.forecastDate, status: next.status }
      : null,
    kpis,
  };
}

/** Linear in the programme's rows: each row is grouped once, then each card reads its own. */
export function buildPortfolio(src: PortfolioSource): Portfolio {
  const milestones = groupBy(src.milestones, (m) => m.consortiumId);
  const settings = groupBy(src.settings, (s) => s.consortiumId);
  const values = groupBy(src.values, (v) => v.consortiumId);
  return {
    programme: src.programme,
    asOf: src.today,
    consortia: src.consortia
      .filter((c) => c.programmeId === src.programme.id)
      .map((c) =>
        consortiumCard(
          {
            programme: src.programme,
            kpis: src.kpis,
            milestones: milestones.get(c.id) ?? [],
            settings: settings.get(c.id) ?? [],
            values: values.get(c.id) ?? [],
            today: src.today,
            reader: src.readerOf(c),
          },
          c,
        ),
      ),
  };
}
