import type { Period, Timestamp } from '../contract/common';
import type { KpiDefinition } from '../contract/kpi';
import { CONSORTIUM_KPI_SEEDS } from './kpi-seeds-consortia';
import { OUTCOME_KPI_SEEDS } from './kpi-seeds-outcomes';
import { USAGE_KPI_SEEDS } from './kpi-seeds-usage';

const SEEDS = [...USAGE_KPI_SEEDS, ...OUTCOME_KPI_SEEDS, ...CONSORTIUM_KPI_SEEDS];

export const kpiId = (code: string) => `kpi-${code.toLowerCase().replaceAll('_', '-')}`;

/** PAT_INC was redefined at M13 (domain brief §6: versioned definitions give series breaks). */
export function buildKpiCatalogue(
  programmeId: string,
  firstPeriod: Period,
  patIncRedefinition: { from: Period; at: Timestamp },
  createdAt: Timestamp,
): KpiDefinition[] {
  return SEEDS.map((s) => ({
    id: kpiId(s.code),
    programmeId,
    code: s.code,
    name: { fr: s.name[0], en: s.name[1] },
    definition: { fr: s.definition[0], en: s.definition[1] },
    unit: s.unit,
    ratePer: s.ratePer ?? null,
    direction: s.direction,
    aggregation: s.aggregation,
    frequency: s.frequency,
    decimals: s.decimals,
    sourceType: s.sourceType,
    reportingLagMonths: s.reportingLagMonths,
    definitionVersions:
      s.code === 'PAT_INC'
        ? [
            {
              version: 1,
              validFrom: firstPeriod,
              changeNote: 'v1 : patient inclus = compte patient créé.',
            },
            {
              version: 2,
              validFrom: patIncRedefinition.from,
              changeNote:
                'v2 : patient inclus = consentement recueilli et PPS démarré (rupture de série).',
            },
          ]
        : [{ version: 1, validFrom: firstPeriod, changeNote: 'Définition initiale.' }],
    version: s.code === 'PAT_INC' ? 2 : 1,
    updatedAt: s.code === 'PAT_INC' ? patIncRedefinition.at : createdAt,
  }));
}
