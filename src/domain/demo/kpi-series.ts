import type { IsoDate, Period } from '../contract/common';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import { computeValue, definitionVersionAt, rateScale } from '../rules/kpi-values';
import { addMonthsToDate, addPeriods, comparePeriods, periodEndDate } from '../rules/periods';
import { statusOfValue } from '../rules/summaries';
import { seededRandom, type Random } from './random';
import { interpolate, type TrackedKpiSpec } from './specs';
import { addDays, at, minDate, type Timeline } from './timeline';

const GENERIC_RED_EXPLANATION =
  'Écart expliqué en comité technique : montée en charge plus lente que prévu, plan d\u2019action en cours.';

export interface KpiRows {
  settings: ConsortiumKpi[];
  values: KpiValue[];
}

/** A value is published once its period is over and the source's lag has passed. */
function isAvailable(period: Period, lagMonths: number, today: IsoDate): boolean {
  return addMonthsToDate(periodEndDate(period), lagMonths) < today;
}

function reportedPeriods(kpi: KpiDefinition, spec: TrackedKpiSpec, tl: Timeline): Period[] {
  const available = (p: Period) => isAvailable(p, kpi.reportingLagMonths, tl.today);
  if (spec.surveyMonths) {
    const periods = spec.surveyMonths.map((m) => tl.periodOfMonth(m, kpi.frequency));
    return [...new Set(periods)].filter(available);
  }
  const out: Period[] = [];
  for (
    let p = tl.periodOfMonth(spec.fromMonth, kpi.frequency);
    available(p);
    p = addPeriods(p, 1)
  ) {
    out.push(p);
  }
  return out;
}

const roundTo = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

interface Measure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

function measure(kpi: KpiDefinition, spec: TrackedKpiSpec, month: number, rng: Random): Measure {
  if (kpi.aggregation !== 'rate') {
    const raw = interpolate(spec.value ?? [[0, 0]], month) + rng.noise(spec.noise);
    return {
      value: Math.max(0, roundTo(raw, kpi.unit === 'count' ? 0 : kpi.decimals)),
      numerator: null,
      denominator: null,
    };
  }
  const denominator = Math.max(
    1,
    Math.round(interpolate(spec.denominator ?? [[0, 100]], month) * (1 + rng.noise(0.015))),
  );
  const numeratorRaw = spec.numerator
    ? interpolate(spec.numerator, month) + rng.noise(spec.noise)
    : ((interpolate(spec.value ?? [[0, 0]], month) + rng.noise(spec.noise)) / rateScale(kpi)) *
      denominator;
  const cap = kpi.unit === 'percent' ? denominator : Number.POSITIVE_INFINITY;
  const numerator = Math.min(cap, Math.max(0, Math.round(numeratorRaw)));
  return { value: computeValue(kpi, { numerator, denominator }), numerator, denominator };
}

export function buildKpiRows(
  consortiumId: string,
  specs: readonly TrackedKpiSpec[],
  catalogue: ReadonlyMap<string, KpiDefinition>,
  enteredBy: string,
  tl: Timeline,
): KpiRows {
  const rows: KpiRows = { settings: [], values: [] };
  for (const spec of specs) {
    const kpi = catalogue.get(spec.code);
    if (!kpi) throw new Error(`demo spec refers to unknown KPI ${spec.code}`);
    const rng = seededRandom(`${consortiumId}/${spec.code}`);
    const settingsId = `${consortiumId}-${kpi.id}`;
    const settings: ConsortiumKpi = {
      id: settingsId,
      consortiumId,
      kpiId: kpi.id,
      baseline: spec.baseline
        ? {
            value: spec.baseline.value,
            period: tl.periodOfMonth(spec.baseline.month, kpi.frequency),
            source: spec.baseline.source,
          }
        : null,
      targets: spec.targets.map(([m, value]) => ({
        period: tl.periodOfMonth(m, kpi.frequency),
        value,
      })),
      tolerance: spec.tolerance,
      version: 1,
      updatedAt: at(tl.monthEnd(3), 15),
    };
    rows.settings.push(settings);

    const periods = reportedPeriods(kpi, spec, tl);
    periods.forEach((period, i) => {
      const m = measure(kpi, spec, tl.monthOfPeriod(period), rng);
      const entered = minDate(
        addDays(addMonthsToDate(periodEndDate(period), kpi.reportingLagMonths), rng.int(3, 12)),
        addDays(tl.today, -1),
      );
      const row: KpiValue = {
        id: `${settingsId}-${period.toLowerCase()}-r1`,
        consortiumId,
        kpiId: kpi.id,
        period,
        ...m,
        suppressed: false,
        provisional: kpi.reportingLagMonths > 0 && i >= periods.length - 2,
        source: spec.source,
        note: '',
        explanation: '',
        definitionVersion: definitionVersionAt(kpi.definitionVersions, period),
        revision: 1,
        enteredBy,
        enteredAt: at(entered, 9),
        version: 1,
      };
      if (statusOfValue(kpi, settings, row) === 'red') {
        row.explanation =
          i === periods.length - 1
            ? (spec.redExplanation ?? GENERIC_RED_EXPLANATION)
            : GENERIC_RED_EXPLANATION;
      }
      const revision = spec.revision;
      if (
        revision &&
        comparePeriods(period, tl.periodOfMonth(revision.month, kpi.frequency)) === 0
      ) {
        rows.values.push(...revise(kpi, row, revision, tl));
      } else {
        rows.values.push(row);
      }
    });
  }
  return rows;
}

/** The first, provisional entry and the consolidated one that superseded it (kept, not overwritten). */
function revise(
  kpi: KpiDefinition,
  consolidated: KpiValue,
  revision: NonNullable<TrackedKpiSpec['revision']>,
  tl: Timeline,
): KpiValue[] {
  const numerator = Math.max(0, (consolidated.numerator ?? 0) - revision.numeratorDelta);
  const denominator = consolidated.denominator ?? 1;
  const firstEntry = addDays(periodEndDate(consolidated.period), 40);
  const consolidatedAt = minDate(addMonthsToDate(firstEntry, 4), addDays(tl.today, -1));
  return [
    {
      ...consolidated,
      numerator,
      value: computeValue(kpi, { numerator, denominator }),
      provisional: true,
      note: 'Première estimation avant consolidation PMSI.',
      enteredAt: at(firstEntry, 9),
    },
    {
      ...consolidated,
      id: consolidated.id.replace(/-r1$/, '-r2'),
      provisional: false,
      note: revision.note,
      revision: 2,
      version: 2,
      enteredAt: at(consolidatedAt, 9),
    },
  ];
}
