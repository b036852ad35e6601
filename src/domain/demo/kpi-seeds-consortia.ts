import { pct, usage, type KpiSeed } from './kpi-seed';

/** Domain brief §7: indicators that only one consortium's solution makes sense of. */
export const CONSORTIUM_KPI_SEEDS: readonly KpiSeed[] = [
  {
    code: 'LETTRE_J0',
    name: ['Lettre de liaison envoyée le jour de la sortie', 'Discharge letter sent the same day'],
    definition: [
      'Sorties d\u2019hospitalisation dont la lettre de liaison est envoyée par MSSanté le jour même, rapportées aux sorties.',
      'Discharges whose letter is sent through MSSanté the same day, over discharges.',
    ],
    direction: 'higher',
    ...pct,
    ...usage,
  },
  {
    code: 'URG_J7',
    name: ['Retour aux urgences dans les 7 jours', 'Return to the ED within 7 days'],
    definition: [
      'Sorties suivies d\u2019un passage aux urgences dans les 7 jours, rapportées aux sorties.',
      'Discharges followed by an ED visit within 7 days, over discharges.',
    ],
    direction: 'lower',
    ...pct,
    frequency: 'monthly',
    sourceType: 'hospital_data',
    reportingLagMonths: 1,
  },
  {
    code: 'CONCIL',
    name: ['Conciliation médicamenteuse par le pharmacien', 'Pharmacist medication reconciliation'],
    definition: [
      'Sorties avec conciliation médicamenteuse par le pharmacien d\u2019officine sous 72 h, rapportées aux sorties incluses.',
      'Discharges reconciled by the community pharmacist within 72 h, over enrolled discharges.',
    ],
    direction: 'higher',
    ...pct,
    frequency: 'monthly',
    sourceType: 'manual_count',
    reportingLagMonths: 0,
  },
  {
    code: 'TELEEXP',
    name: ['Téléexpertises réalisées par mois', 'Remote expert consultations per month'],
    definition: [
      'Actes de téléexpertise réalisés dans le mois depuis les EHPAD.',
      'Remote expert consultations performed in the month from the nursing homes.',
    ],
    unit: 'count',
    direction: 'higher',
    aggregation: 'flow',
    decimals: 0,
    ...usage,
  },
  {
    code: 'TRANSF_URG',
    name: ['Transferts aux urgences depuis l\u2019EHPAD', 'ED transfers from the nursing homes'],
    definition: [
      'Transferts aux urgences dans le mois pour 100 résidents présents.',
      'ED transfers in the month per 100 residents present.',
    ],
    unit: 'rate',
    ratePer: 100,
    direction: 'lower',
    aggregation: 'rate',
    frequency: 'monthly',
    decimals: 2,
    sourceType: 'manual_count',
    reportingLagMonths: 0,
  },
];
