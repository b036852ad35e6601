import type { ConsortiumSpec } from './specs';

const USAGE_SOURCE = 'Journaux d\u2019usage de la plateforme Coord@Dom (éditeur)';

/** Domain brief §7 A: home coordination for complex elderly patients; HDS migration slipped. */
export const COORD_DOM: ConsortiumSpec = {
  slug: 'coord-dom',
  code: 'A',
  name: 'Coord@Dom',
  solution:
    'Plateforme SaaS de coordination des parcours complexes à domicile (PPS partagé, messagerie sécurisée)',
  description:
    'Coordonner les soins des patients âgés en situation complexe à domicile entre HAD, SSIAD, MSP, hôpital et DAC.',
  territory: 'Est lyonnais – Nord-Isère (Meyzieu, Pont-de-Chéruy, Bourgoin-Jallieu)',
  budgetEur: 640_000,
  leadPerson: 'Thomas Leroy',
  partners: [
    {
      slug: 'coordilink',
      name: 'CoordiLink SAS',
      type: 'software_vendor',
      role: 'Éditeur de la plateforme, chef de file',
      isLead: true,
    },
    {
      slug: 'had-rhone-est',
      name: 'HAD Rhône-Est',
      type: 'hospital_at_home',
      role: 'Hospitalisation à domicile',
    },
    {
      slug: 'msp-meyzieu',
      name: 'MSP des Grandes Terres (Meyzieu)',
      type: 'gp_practice',
      role: 'Maison de santé pluriprofessionnelle',
    },
    {
      slug: 'msp-pont-de-cheruy',
      name: 'MSP de Pont-de-Chéruy',
      type: 'gp_practice',
      role: 'Maison de santé pluriprofessionnelle',
    },
    {
      slug: 'ssiad-vallee-bourbre',
      name: 'SSIAD de la Vallée de la Bourbre',
      type: 'home_care',
      role: 'Soins infirmiers à domicile',
    },
    {
      slug: 'ch-nord-isere',
      name: 'CH Nord-Isère',
      type: 'hospital',
      role: 'Établissement de santé (GHT Nord-Dauphiné)',
    },
    {
      slug: 'dac-est-lyonnais',
      name: 'DAC Est-Lyonnais',
      type: 'coordination_platform',
      role: 'Dispositif d\u2019appui à la coordination',
    },
    {
      slug: 'aidants-isere',
      name: 'France Assos Santé Auvergne-Rhône-Alpes',
      type: 'patient_association',
      role: 'Représentation des usagers',
    },
  ],
  phases: {
    data_protection: {
      replans: [
        {
          atMonth: 5,
          toEndMonth: 8,
          reason:
            'L\u2019hébergeur initial n\u2019est pas certifié HDS 2024 (hébergement hors EEE) : migration vers un hébergeur certifié.',
        },
        {
          atMonth: 8,
          toEndMonth: 9,
          reason:
            'Audit de certification HDS du nouvel hébergeur décalé de quatre semaines ; AIPD validée par le DPO.',
        },
      ],
      outcome: { status: 'approved' },
    },
    go_live: {
      replans: [
        {
          atMonth: 7,
          toEndMonth: 9,
          reason: 'Mise en service reportée après la migration vers l\u2019hébergeur HDS.',
        },
      ],
      outcome: { status: 'approved' },
    },
    mid_term_review: {
      outcome: {
        status: 'approved',
        comment:
          'Go avec conditions : relancer l\u2019activation des professionnels équipés (PRO_ACT).',
      },
    },
    // Inclusions took a month longer: the lead declares the target reached after its due date.
    enrolment: {
      replans: [
        {
          atMonth: 19,
          toEndMonth: 21,
          reason:
            'Montée en charge plus lente que prévu : deux cabinets infirmiers ont rejoint le dispositif en fin de période.',
        },
      ],
      outcome: { status: 'submitted', progress: 100 },
    },
    final_evaluation: { outcome: { status: 'in_progress', progress: 30 } },
  },
  kpis: [
    {
      code: 'PAT_INC',
      baseline: { month: 7, value: 0, source: 'Aucun patient avant la mise en service' },
      targets: [
        [12, 150],
        [20, 300],
      ],
      tolerance: { mode: 'relative', amber: 0.1, red: 0.25 },
      fromMonth: 9,
      // v1 counted accounts created; v2 (M13) needs consent + PPS started, hence the drop.
      value: [
        [9, 40],
        [12, 236],
        [13, 150],
        [16, 218],
        [20, 322],
      ],
      noise: 5,
      source: USAGE_SOURCE,
    },
    {
      code: 'PPS',
      baseline: { month: 7, value: 15, source: 'Audit de dossiers DAC, mars' },
      targets: [
        [12, 40],
        [20, 72],
      ],
      tolerance: { mode: 'absolute', amber: 5, red: 10 },
      fromMonth: 9,
      value: [
        [9, 18],
        [12, 37],
        [20, 70.5],
      ],
      denominator: [
        [9, 40],
        [12, 236],
        [13, 150],
        [20, 322],
      ],
      noise: 1.2,
      source: USAGE_SOURCE,
    },
    {
      code: 'DELAI',
      baseline: {
        month: 6,
        value: 12,
        source: 'Relevé DAC Est-Lyonnais, 3 mois avant mise en service',
      },
      targets: [
        [12, 8],
        [20, 4],
      ],
      tolerance: { mode: 'absolute', amber: 1, red: 2.5 },
      fromMonth: 9,
      value: [
        [9, 11.5],
        [12, 8.4],
        [20, 4.3],
      ],
      noise: 0.3,
      source: USAGE_SOURCE,
    },
    {
      code: 'PRO_ACT',
      baseline: { month: 7, value: 25, source: 'Estimation éditeur sur les pilotes' },
      targets: [
        [12, 40],
        [20, 55],
      ],
      tolerance: { mode: 'absolute', amber: 5, red: 10 },
      fromMonth: 9,
      value: [
        [9, 24],
        [12, 35],
        [20, 47.5],
      ],
      denominator: [
        [9, 70],
        [20, 190],
      ],
      noise: 0.8,
      source: USAGE_SOURCE,
    },
    {
      code: 'RH30',
      baseline: { month: 0, value: 17, source: 'PMSI, CH Nord-Isère et HAD, 75 ans et plus' },
      targets: [
        [12, 16.3],
        [20, 15.5],
      ],
      tolerance: { mode: 'absolute', amber: 0.5, red: 1.5 },
      fromMonth: 1,
      value: [
        [1, 17.1],
        [15, 16.1],
      ],
      denominator: [
        [1, 410],
        [15, 430],
      ],
      noise: 0.15,
      source: 'PMSI via le DIM du CH Nord-Isère',
    },
    {
      code: 'PRO_EQ',
      baseline: { month: 7, value: 0, source: 'Aucun compte avant la mise en service' },
      targets: [
        [12, 120],
        [20, 200],
      ],
      tolerance: { mode: 'relative', amber: 0.1, red: 0.2 },
      fromMonth: 9,
      value: [
        [9, 70],
        [12, 128],
        [20, 204],
      ],
      noise: 3,
      source: USAGE_SOURCE,
    },
    {
      code: 'SAT_PRO',
      baseline: { month: 6, value: 58, source: 'Enquête SUS sur la maquette' },
      targets: [
        [12, 65],
        [20, 70],
      ],
      tolerance: { mode: 'absolute', amber: 3, red: 6 },
      fromMonth: 12,
      surveyMonths: [12, 18],
      value: [
        [12, 64.2],
        [18, 68.4],
      ],
      noise: 0.4,
      source: 'Enquête SUS auprès des professionnels',
    },
  ],
};
