import type { ConsortiumSpec } from './specs';

const DPI_SOURCE = 'Entrepôt du DPI du GHT et serveur MSSanté';

/** Domain brief §7 B: hospital discharge to home; agreement late, ethics waived, RH30 revised. */
export const SORTIE_PLUS: ConsortiumSpec = {
  slug: 'sortie-plus',
  code: 'B',
  name: 'Sortie+',
  solution:
    'Passerelle d\u2019interopérabilité DPI → MSSanté/DMP et tableau de bord de sortie partagé avec la ville',
  description:
    'Sécuriser le retour à domicile après hospitalisation : lettre de liaison le jour même, conciliation médicamenteuse en officine, suivi IDEL.',
  territory: 'Nord-Isère (Bourgoin-Jallieu, Villefontaine, La Tour-du-Pin)',
  budgetEur: 480_000,
  leadPerson: 'Karim Haddad',
  partners: [
    {
      slug: 'interop-sante',
      name: 'InterOp Santé',
      type: 'integrator',
      role: 'Start-up d\u2019interopérabilité, chef de file',
      isLead: true,
    },
    {
      slug: 'ght-nord-dauphine',
      name: 'GHT Nord-Dauphiné (sites de Bourgoin et de Villefontaine)',
      type: 'hospital',
      role: 'Établissements de sortie',
    },
    {
      slug: 'pharmacies-nord-isere',
      name: 'Réseau de 15 pharmacies du Nord-Isère',
      type: 'pharmacy',
      role: 'Conciliation médicamenteuse',
    },
    {
      slug: 'idel-nord-isere',
      name: 'Groupement des infirmiers libéraux du Nord-Isère',
      type: 'nurses',
      role: 'Suivi infirmier après la sortie',
    },
    {
      slug: 'cpts-nord-isere',
      name: 'CPTS Nord-Isère',
      type: 'primary_care_community',
      role: 'Médecins traitants et coordination ville',
    },
    {
      slug: 'usagers-nord-isere',
      name: 'Représentant des usagers du GHT',
      type: 'patient_association',
      role: 'Représentation des patients',
    },
  ],
  phases: {
    agreement: {
      plannedEndMonth: 3,
      replans: [
        {
          atMonth: 3,
          toEndMonth: 5,
          reason:
            'Désaccord sur la propriété intellectuelle des connecteurs entre InterOp Santé et le GHT ; médiation juridique en cours.',
        },
      ],
      outcome: { status: 'approved' },
    },
    ethics: {
      outcome: {
        status: 'waived',
        atMonth: 4,
        reason:
          'Pas de recherche impliquant la personne humaine : évaluation sur données agrégées, avis du DPO joint. Phase sans objet.',
      },
    },
    mid_term_review: {
      outcome: {
        status: 'approved',
        comment:
          'Go avec conditions : déployer la lettre de liaison sur le site de Villefontaine avant M16.',
      },
    },
    enrolment: {
      outcome: {
        status: 'changes_requested',
        progress: 90,
        comment:
          'Les extractions ne donnent pas la règle de calcul des sorties incluses : merci de la joindre avec l\u2019extraction du dernier mois.',
      },
    },
    final_evaluation: { outcome: { status: 'in_progress', progress: 30 } },
  },
  kpis: [
    {
      code: 'LETTRE_J0',
      baseline: { month: 6, value: 35, source: 'Audit DPI du GHT, 3 mois avant mise en service' },
      targets: [
        [12, 60],
        [20, 85],
      ],
      tolerance: { mode: 'absolute', amber: 5, red: 10 },
      fromMonth: 8,
      value: [
        [8, 37],
        [12, 52],
        [16, 60],
        [20, 63],
      ],
      denominator: [
        [8, 520],
        [20, 560],
      ],
      noise: 1.2,
      source: DPI_SOURCE,
      redExplanation:
        'Seul le site de Bourgoin envoie la lettre le jour même ; Villefontaine attend la mise à jour du DPI prévue en juillet.',
    },
    {
      code: 'RH30',
      baseline: { month: 0, value: 16, source: 'PMSI GHT Nord-Dauphiné, 75 ans et plus' },
      targets: [
        [12, 15.2],
        [20, 14],
      ],
      tolerance: { mode: 'absolute', amber: 0.5, red: 1 },
      fromMonth: 1,
      value: [
        [1, 16.1],
        [10, 15.4],
        [15, 16.5],
      ],
      denominator: [
        [1, 610],
        [15, 640],
      ],
      noise: 0.15,
      source: 'PMSI via le DIM du GHT Nord-Dauphiné',
      redExplanation:
        'Pic hivernal (grippe) sur le dernier trimestre ; valeur provisoire avant consolidation PMSI.',
      revision: {
        month: 9,
        numeratorDelta: 5,
        note: 'Révisé après consolidation PMSI (séjours transmis tardivement).',
      },
    },
    {
      code: 'URG_J7',
      baseline: { month: 6, value: 12, source: 'RPU des urgences du GHT' },
      targets: [
        [12, 10.5],
        [20, 9],
      ],
      tolerance: { mode: 'absolute', amber: 1, red: 2 },
      fromMonth: 8,
      value: [
        [8, 12.1],
        [19, 10.6],
      ],
      denominator: [
        [8, 300],
        [19, 320],
      ],
      noise: 0.25,
      source: 'RPU des urgences du GHT',
    },
    {
      code: 'CONCIL',
      baseline: { month: 7, value: 20, source: 'Relevé des officines partenaires' },
      targets: [
        [12, 40],
        [20, 60],
      ],
      tolerance: { mode: 'absolute', amber: 5, red: 10 },
      fromMonth: 8,
      value: [
        [8, 22],
        [20, 59.5],
      ],
      denominator: [
        [8, 140],
        [20, 260],
      ],
      noise: 1,
      source: 'Déclarations des pharmacies partenaires',
    },
    {
      code: 'PRO_EQ',
      baseline: { month: 7, value: 0, source: 'Aucun compte avant la mise en service' },
      targets: [
        [12, 60],
        [20, 110],
      ],
      tolerance: { mode: 'relative', amber: 0.1, red: 0.2 },
      fromMonth: 8,
      value: [
        [8, 22],
        [12, 64],
        [20, 113],
      ],
      noise: 2,
      source: 'Annuaire des comptes InterOp Santé',
    },
  ],
};
