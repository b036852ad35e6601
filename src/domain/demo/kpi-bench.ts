import type { IsoDate, Timestamp } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Programme } from '../contract/programme';
import { definitionVersionAt } from '../rules/kpi-values';
import { addPeriods, periodStartDate } from '../rules/periods';
import { seededRandom } from './random';

export const BENCH_CONSORTIUM_ID = 'bench-series';
/** The KPI the long series is entered for: a monthly count with a definition break (PAT_INC). */
export const BENCH_KPI_CODE = 'PAT_INC';
export const MAX_BENCH_POINTS = 20_000;

export interface BenchSeries {
  consortium: Consortium;
  settings: ConsortiumKpi;
  values: KpiValue[];
}

/**
 * A consortium of the programme with one monthly value per month for `points` months, ending with
 * the last complete month before `today`: the long series the chart benchmark reads through the
 * series endpoint. Its period starts as far back as the series needs (10,000 months reach the
 * 13th century), which is what lets every value pass the consortium-period rule. The last three
 * values are provisional, and the KPI's real definition versions give the series its break.
 */
export function buildBenchSeries(
  programme: Pick<Programme, 'id' | 'endDate'>,
  kpi: KpiDefinition,
  points: number,
  today: IsoDate,
  now: Timestamp,
): BenchSeries {
  if (!Number.isInteger(points) || points < 1 || points > MAX_BENCH_POINTS)
    throw new RangeError(`points must be a whole number between 1 and ${MAX_BENCH_POINTS}`);
  if (kpi.frequency !== 'monthly') throw new RangeError('the bench series is monthly');
  const last = addPeriods(today.slice(0, 7), -1);
  const first = addPeriods(last, -(points - 1));
  const startDate = periodStartDate(first);
  const consortium: Consortium = {
    id: BENCH_CONSORTIUM_ID,
    programmeId: programme.id,
    code: 'BENCH',
    name: 'Banc d’essai — série longue',
    solution: 'Série de mesure synthétique',
    description: `${points} valeurs mensuelles de ${kpi.code} pour mesurer le temps de rendu des graphiques.`,
    territory: 'Aucun (données synthétiques)',
    startDate,
    endDate: programme.endDate > startDate ? programme.endDate : today,
    budgetEur: 0,
    status: 'active',
    partners: [],
    version: 1,
    updatedAt: now,
  };
  const rng = seededRandom(`${BENCH_CONSORTIUM_ID}/${kpi.code}/${points}`);
  const values: KpiValue[] = Array.from({ length: points }, (_, i) => {
    const period = addPeriods(first, i);
    // A slow rise with seasonal swings and noise: enough shape for LTTB to choose between points.
    const level = 150 + (i * 300) / points + 60 * Math.sin(i / 12) + rng.noise(25);
    return {
      id: `${BENCH_CONSORTIUM_ID}-${period.toLowerCase()}-r1`,
      consortiumId: BENCH_CONSORTIUM_ID,
      kpiId: kpi.id,
      period,
      value: Math.max(0, Math.round(level)),
      numerator: null,
      denominator: null,
      suppressed: false,
      provisional: i >= points - 3,
      source: 'Journal synthétique du banc d’essai',
      note: '',
      explanation: 'Valeur synthétique du banc d’essai',
      definitionVersion: definitionVersionAt(kpi.definitionVersions, period),
      revision: 1,
      enteredBy: 'Banc d’essai',
      enteredAt: now,
      version: 1,
    };
  });
  const settings: ConsortiumKpi = {
    id: `${BENCH_CONSORTIUM_ID}-${kpi.id}`,
    consortiumId: BENCH_CONSORTIUM_ID,
    kpiId: kpi.id,
    baseline: {
      value: values[0]!.value ?? 0,
      period: first,
      source: 'Première valeur synthétique',
    },
    targets: [
      { period: addPeriods(first, Math.floor(points / 2)), value: 300 },
      { period: last, value: 450 },
    ].filter((t, i, all) => i === 0 || t.period !== all[0]!.period),
    tolerance: { mode: 'relative', amber: 0.1, red: 0.25 },
    version: 1,
    updatedAt: now,
  };
  return { consortium, settings, values };
}
