import type { IsoDate } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type { Programme } from '../contract/programme';
import type { ReportingPeriod } from '../contract/reporting';
import { addMonthsToDate, periodsBetween } from '../rules/periods';
import { COORD_DOM } from './coord-dom';
import type { Dataset } from './dataset';
import { EHPAD_CONNECT } from './ehpad-connect';
import { buildKpiCatalogue } from './kpi-catalogue';
import { buildKpiRows } from './kpi-series';
import { buildMilestoneTemplate } from './milestone-template';
import { approvedPlan, buildMilestones } from './milestones';
import { addNextCohort } from './next-cohort';
import { buildUsers } from './people';
import { seededRandom } from './random';
import { SORTIE_PLUS } from './sortie-plus';
import type { ConsortiumSpec } from './specs';
import { addDays, at, createTimeline, type Timeline } from './timeline';

export const DEMO_PROGRAMME_ID = 'pascaline';
export const DEMO_CONSORTIUM_SPECS: readonly ConsortiumSpec[] = [
  COORD_DOM,
  SORTIE_PLUS,
  EHPAD_CONNECT,
];

/**
 * The demo programme of domain brief §7, anchored on `today`: it started on the first day of the
 * month 20 months ago and lasts 24 months, so the trial is always around M21 and every seeded
 * problem is visible. Same `today` → same rows, ids included.
 */
export function generateDemo({ today }: { today: IsoDate }): Dataset {
  const data = generateProgramme(today, 1);
  addNextCohort(data, createTimeline(today));
  return data;
}

/**
 * A programme `factor` times the demo size for benchmarks: the three demo consortia repeated with
 * suffixed ids ("coord-dom-2", …) and the same shapes.
 */
export function generateScale(factor: number, today: IsoDate): Dataset {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError('factor must be a positive integer');
  return generateProgramme(today, factor);
}

function generateProgramme(today: IsoDate, copies: number): Dataset {
  const tl = createTimeline(today);
  const createdAt = at(addDays(tl.start, -14), 9);
  const programme: Programme = {
    id: DEMO_PROGRAMME_ID,
    name: 'Pascaline — incubateur',
    funder: 'ARS Auvergne-Rhône-Alpes (FIR)',
    description:
      'Pépinière d\u2019innovations du programme Pascaline : trois consortiums expérimentent pendant 24 mois un service numérique de coordination des parcours complexes.',
    startDate: tl.start,
    endDate: tl.end,
    smallCountThreshold: 10,
    slippageToleranceDays: 45,
    leadsSetTargets: false,
    version: 1,
    updatedAt: createdAt,
  };
  const kpis = buildKpiCatalogue(
    programme.id,
    tl.periodOfMonth(1, 'monthly'),
    { from: tl.periodOfMonth(13, 'monthly'), at: at(addDays(tl.monthStart(13), -10), 15) },
    createdAt,
  );
  const catalogue = new Map(kpis.map((k) => [k.code, k]));
  const data: Dataset = {
    programmes: [programme],
    consortia: [],
    milestones: [],
    milestoneEvents: [],
    evidence: [],
    milestoneTemplates: [buildMilestoneTemplate(programme.id, createdAt)],
    milestonePlans: [],
    kpis,
    consortiumKpis: [],
    kpiValues: [],
    periods: buildPeriods(programme.id, tl),
    users: buildUsers(programme.id, {
      a: COORD_DOM.slug,
      b: SORTIE_PLUS.slug,
      c: EHPAD_CONNECT.slug,
    }),
  };
  for (let copy = 1; copy <= copies; copy++) {
    for (const spec of DEMO_CONSORTIUM_SPECS) {
      const consortium = buildConsortium(spec, programme, copy, createdAt);
      const rng = seededRandom(`${consortium.id}/milestones`);
      const ms = buildMilestones(consortium.id, spec, tl, rng);
      const kpiRows = buildKpiRows(consortium.id, spec.kpis, catalogue, spec.leadPerson, tl);
      data.consortia.push(consortium);
      data.milestones.push(...ms.milestones);
      data.milestoneEvents.push(...ms.events);
      data.evidence.push(...ms.evidence);
      data.milestonePlans.push(approvedPlan(consortium.id, at(tl.start, 9)));
      data.consortiumKpis.push(...kpiRows.settings);
      data.kpiValues.push(...kpiRows.values);
    }
  }
  return data;
}

function buildConsortium(
  spec: ConsortiumSpec,
  programme: Programme,
  copy: number,
  createdAt: string,
): Consortium {
  const suffix = copy === 1 ? '' : `-${copy}`;
  return {
    id: `${spec.slug}${suffix}`,
    programmeId: programme.id,
    code: copy === 1 ? spec.code : `${spec.code}${copy}`,
    name: copy === 1 ? spec.name : `${spec.name} ${copy}`,
    solution: spec.solution,
    description: spec.description,
    territory: spec.territory,
    startDate: programme.startDate,
    endDate: programme.endDate,
    budgetEur: spec.budgetEur,
    status: 'active',
    partners: spec.partners.map((p) => ({
      organisationId: `${p.slug}${suffix}`,
      name: p.name,
      type: p.type,
      role: p.role,
      isLead: p.isLead ?? false,
    })),
    version: 1,
    updatedAt: createdAt,
  };
}

/**
 * Monthly reporting periods up to the current month. Each is due on the 15th of the next month
 * and locked a month after that, so the two most recent complete months are still open.
 */
function buildPeriods(programmeId: string, tl: Timeline): ReportingPeriod[] {
  const current = tl.today.slice(0, 7);
  return periodsBetween(tl.periodOfMonth(1, 'monthly'), current).map((period) => {
    const deadline = `${tl.monthStart(tl.monthOfPeriod(period) + 1).slice(0, 7)}-15`;
    const lockDate = addMonthsToDate(deadline, 1);
    const locked = lockDate < tl.today;
    return {
      id: `${programmeId}-${period}`,
      programmeId,
      period,
      status: locked ? 'locked' : 'open',
      deadline,
      lockedAt: locked ? at(lockDate, 18) : null,
      version: locked ? 2 : 1,
    };
  });
}
