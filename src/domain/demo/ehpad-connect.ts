import type { ConsortiumSpec } from './specs';

/** Domain brief §7 C: remote expert consultations for nursing homes; small counts, an EHPAD leaves at M15. */
export const EHPAD_CONNECT: ConsortiumSpec = {
  slug: 'ehpad-connect',
  code: 'C',
  name: 'EHPAD Connect',
  solution: 'Chariot de téléexpertise (DM de classe IIa, marqué CE) et téléexpertise gériatrique',
  description:
    'Éviter les transferts aux urgences des résidents d\u2019EHPAD grâce à la téléexpertise avec l\u2019équipe mobile de gériatrie.',
  territory: 'Lyon Est (Bron, Saint-Priest, Vaulx-en-Velin, Décines)',
  budgetEur: 390_000,
  leadPerson: 'Isabelle Roux',
  partners: [
    {
      slug: 'medicart',
      name: 'MédiCart Systèmes',
      type: 'device_maker',
      role: 'Fabricant du chariot de téléexpertise, chef de file',
      isLead: true,
    },
    {
      slug: 'ehpad-les-tilleuls',
      name: 'EHPAD Les Tilleuls (Bron)',
      type: 'nursing_home',
      role: 'EHPAD, 92 résidents',
    },
    {
      slug: 'ehpad-parilly',
      name: 'EHPAD Résidence de Parilly',
      type: 'nursing_home',
      role: 'EHPAD, 85 résidents',
    },
    {
      slug: 'ehpad-saint-priest',
      name: 'EHPAD Le Clos Saint-Priest',
      type: 'nursing_home',
      role: 'EHPAD, 78 résidents',
    },
    {
      slug: 'ehpad-vaulx',
      name: 'EHPAD Les Glycines (Vaulx-en-Velin)',
      type: 'nursing_home',
      role: 'EHPAD, 80 résidents (sorti à M15)',
    },
    {
      slug: 'ehpad-decines',
      name: 'EHPAD Jardins de Décines',
      type: 'nursing_home',
      role: 'EHPAD, 70 résidents',
    },
    {
      slug: 'ehpad-chassieu',
      name: 'EHPAD La Roseraie (Chassieu)',
      type: 'nursing_home',
      role: 'EHPAD, 75 résidents',
    },
    {
      slug: 'emg-lyon-est',
      name: 'Équipe mobile de gériatrie – Hospices Civils de Lyon',
      type: 'hospital',
      role: 'Téléexpertise gériatrique',
    },
    {
      slug: 'medco-lyon-est',
      name: 'Collectif des médecins coordonnateurs Lyon Est',
      type: 'gp_practice',
      role: 'Médecins coordonnateurs',
    },
  ],
  phases: {
    mid_term_review: {
      outcome: {
        status: 'approved',
        comment:
          'Go avec conditions : recalculer les cibles sur 400 résidents si l\u2019EHPAD de Vaulx confirme son départ.',
      },
    },
    final_evaluation: { outcome: { status: 'in_progress', progress: 35 } },
  },
  kpis: [
    {
      code: 'URG_EHPAD',
      baseline: {
        month: 0,
        value: 52,
        source: 'Registres de transferts des 6 EHPAD, année précédente',
      },
      targets: [
        [12, 47],
        [20, 41],
      ],
      tolerance: { mode: 'relative', amber: 0.08, red: 0.15 },
      fromMonth: 1,
      value: [
        [1, 53],
        [8, 51],
        [18, 43],
      ],
      // Resident-years per quarter: 480 residents, then 400 once the Vaulx EHPAD leaves at M15.
      denominator: [
        [1, 120],
        [14, 120],
        [15, 100],
        [20, 100],
      ],
      noise: 1.2,
      source: 'Registres de transferts des EHPAD',
    },
    {
      code: 'TRANSF_URG',
      baseline: { month: 7, value: 4.3, source: 'Registres de transferts des 6 EHPAD' },
      targets: [
        [12, 3.9],
        [20, 3.4],
      ],
      tolerance: { mode: 'relative', amber: 0.15, red: 0.3 },
      fromMonth: 8,
      // Transfers a month: the summer lull and the smaller caseload give counts under 10.
      numerator: [
        [8, 20],
        [10, 12],
        [11, 8],
        [12, 11],
        [14, 19],
        [15, 15],
        [17, 12],
        [19, 9],
        [20, 11],
      ],
      denominator: [
        [8, 480],
        [14, 478],
        [15, 402],
        [20, 398],
      ],
      noise: 2,
      source: 'Registres de transferts des EHPAD',
    },
    {
      code: 'TELEEXP',
      baseline: { month: 7, value: 0, source: 'Aucune téléexpertise avant la mise en service' },
      targets: [
        [12, 25],
        [20, 60],
      ],
      tolerance: { mode: 'relative', amber: 0.1, red: 0.25 },
      fromMonth: 8,
      value: [
        [8, 4],
        [12, 27],
        [20, 59],
      ],
      noise: 2,
      source: 'Journal d\u2019activité des chariots MédiCart',
    },
    {
      code: 'SAT_PRO',
      baseline: { month: 6, value: 61, source: 'Enquête SUS sur le pilote' },
      targets: [
        [12, 66],
        [20, 72],
      ],
      tolerance: { mode: 'absolute', amber: 3, red: 6 },
      fromMonth: 12,
      surveyMonths: [12, 18],
      value: [
        [12, 66.5],
        [18, 70.8],
      ],
      noise: 0.4,
      source: 'Enquête SUS auprès des soignants des EHPAD',
    },
    {
      code: 'PRO_EQ',
      baseline: { month: 7, value: 0, source: 'Aucun compte avant la mise en service' },
      targets: [
        [12, 40],
        [20, 70],
      ],
      tolerance: { mode: 'relative', amber: 0.1, red: 0.2 },
      fromMonth: 8,
      value: [
        [8, 16],
        [12, 42],
        [20, 72],
      ],
      noise: 1.5,
      source: 'Annuaire des comptes MédiCart',
    },
  ],
};
