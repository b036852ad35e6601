import type { Timestamp } from '../contract/common';
import type { MilestoneTemplate, MilestoneTemplateItem, Phase } from '../contract/milestone';

export interface PhaseTemplate {
  phase: Phase;
  title: [fr: string, en: string];
  description: string;
  startMonth: number;
  endMonth: number;
  evidenceExpected: readonly string[];
  /** What a consortium typically files to pass the gate: [kind, name, expected item it covers]. */
  evidence: readonly (readonly [kind: 'file' | 'link', name: string, covers?: string])[];
  requiresKpiValues?: boolean;
}

/** Domain brief §4: the incubator's 24-month trial template. */
export const MILESTONE_TEMPLATE: readonly PhaseTemplate[] = [
  {
    phase: 'selection',
    title: ['Décision de sélection du jury', 'Jury selection decision'],
    description:
      'Dossier de candidature et lettre d\u2019intention examinés par le jury de l\u2019incubateur.',
    startMonth: 1,
    endMonth: 1,
    evidenceExpected: ['PV du jury', 'Décision de sélection'],
    evidence: [
      ['file', 'PV du jury de sélection.pdf', 'PV du jury'],
      ['file', 'Décision de sélection signée.pdf', 'Décision de sélection'],
      ['link', 'Dossier de candidature'],
    ],
  },
  {
    phase: 'scoping',
    title: ['Note de cadrage signée', 'Signed scoping note'],
    description:
      'Note de cadrage, cas d\u2019usage et plan d\u2019indicateurs (définition, période de référence, source).',
    startMonth: 1,
    endMonth: 3,
    evidenceExpected: ['Note de cadrage signée', 'Plan d\u2019indicateurs'],
    evidence: [
      ['file', 'Note de cadrage v1.2 signée.pdf', 'Note de cadrage signée'],
      ['file', 'Plan d\u2019indicateurs.csv', 'Plan d\u2019indicateurs'],
    ],
  },
  {
    phase: 'agreement',
    title: ['Accord de consortium signé', 'Consortium agreement signed'],
    description:
      'Accord de consortium (PI, données, répartition budgétaire) et convention de financement.',
    startMonth: 2,
    endMonth: 5,
    evidenceExpected: ['Accord signé par chaque partenaire'],
    evidence: [
      ['file', 'Accord de consortium signé.pdf', 'Accord signé par chaque partenaire'],
      ['file', 'Convention de financement FIR.pdf'],
    ],
  },
  {
    phase: 'data_protection',
    title: ['AIPD validée et hébergeur certifié HDS', 'DPIA approved and HDS-certified host'],
    description:
      'Registre RGPD, AIPD, information des patients et droit d\u2019opposition ; hébergement HDS.',
    startMonth: 2,
    endMonth: 6,
    evidenceExpected: ['Avis du DPO', 'Certificat HDS de l\u2019hébergeur'],
    evidence: [
      ['file', 'AIPD et avis du DPO.pdf', 'Avis du DPO'],
      ['file', 'Certificat HDS de l\u2019hébergeur.pdf', 'Certificat HDS de l\u2019hébergeur'],
      ['link', 'Notice d\u2019information patients'],
    ],
  },
  {
    phase: 'medical_device',
    title: ['Statut de dispositif médical qualifié', 'Medical-device status qualified'],
    description: 'Qualification au regard du MDCG 2019-11 : note « non-DM » ou certificat CE.',
    startMonth: 2,
    endMonth: 4,
    evidenceExpected: ['Note de qualification ou certificat CE'],
    evidence: [
      ['file', 'Note de qualification MDCG 2019-11.pdf', 'Note de qualification ou certificat CE'],
      ['link', 'Règlement (UE) 2017/745, règle 11'],
    ],
  },
  {
    phase: 'ethics',
    title: ['Avis éthique et conformité CNIL', 'Ethics opinion and CNIL conformity'],
    description:
      'Protocole ; avis CPP (loi Jardé) et/ou conformité CNIL MR-003/MR-004 si recherche.',
    startMonth: 3,
    endMonth: 6,
    evidenceExpected: ['Avis CPP ou déclaration de conformité MR-004'],
    evidence: [
      ['file', 'Protocole d\u2019évaluation v2.pdf'],
      [
        'file',
        'Déclaration de conformité MR-004.pdf',
        'Avis CPP ou déclaration de conformité MR-004',
      ],
    ],
  },
  {
    phase: 'build',
    title: ['PV de recette signé', 'Signed acceptance report'],
    description: 'Paramétrage, liens MSSanté et DMP, recette.',
    startMonth: 4,
    endMonth: 7,
    evidenceExpected: ['PV de recette signé'],
    evidence: [
      ['file', 'PV de recette signé.pdf', 'PV de recette signé'],
      ['file', 'Cahier de recette.pdf'],
    ],
  },
  {
    phase: 'go_live',
    title: ['Formation réalisée et mise en service', 'Training done and go-live'],
    description: 'Plan de formation, comptes créés, mise en service.',
    startMonth: 7,
    endMonth: 8,
    evidenceExpected: ['Feuilles d\u2019émargement', 'Note de mise en service'],
    evidence: [
      ['file', 'Feuilles d\u2019émargement formations.pdf', 'Feuilles d\u2019émargement'],
      ['file', 'Note de mise en service.pdf', 'Note de mise en service'],
      ['link', 'Support de formation en ligne'],
    ],
  },
  {
    phase: 'enrolment',
    title: ['Cible d’inclusion atteinte', 'Enrolment target reached'],
    description: 'Inclusions et montée en charge ; rapports mensuels d\u2019indicateurs.',
    startMonth: 8,
    endMonth: 20,
    evidenceExpected: ['Extractions de données', 'Règle de calcul'],
    evidence: [
      ['file', 'Extraction file active.csv', 'Extractions de données'],
      ['file', 'Règles de calcul des indicateurs.pdf', 'Règle de calcul'],
    ],
    requiresKpiValues: true,
  },
  {
    phase: 'mid_term_review',
    title: ['Rapport d’évaluation intermédiaire', 'Interim evaluation report'],
    description:
      'Rapport intermédiaire : indicateurs vs cibles, premiers résultats d\u2019enquête.',
    startMonth: 12,
    endMonth: 13,
    evidenceExpected: ['Rapport intermédiaire', 'Résultats d\u2019enquête'],
    evidence: [
      ['file', 'Rapport intermédiaire.pdf', 'Rapport intermédiaire'],
      ['file', 'Résultats enquête SUS M12.csv', 'Résultats d\u2019enquête'],
      ['link', 'Compte rendu du COPIL intermédiaire'],
    ],
    requiresKpiValues: true,
  },
  {
    phase: 'final_evaluation',
    title: ['Rapport d’évaluation finale', 'Final evaluation report'],
    description:
      'Rapport final quantitatif, qualitatif et médico-économique ; comparaison au témoin.',
    startMonth: 20,
    endMonth: 23,
    evidenceExpected: ['Rapport final', 'Bilan budgétaire'],
    evidence: [
      ['file', 'Rapport final.pdf', 'Rapport final'],
      ['file', 'Bilan budgétaire.pdf', 'Bilan budgétaire'],
    ],
    requiresKpiValues: true,
  },
  {
    phase: 'scale_up_decision',
    title: [
      'Décision du COPIL : généralisation, ajustement ou arrêt',
      'Steering committee decision: scale-up, adjust or stop',
    ],
    description: 'COPIL de décision : généralisation, ajustement ou arrêt.',
    startMonth: 24,
    endMonth: 24,
    evidenceExpected: ['Relevé de décision du COPIL'],
    evidence: [
      ['file', 'Relevé de décision du COPIL.pdf', 'Relevé de décision du COPIL'],
      ['link', 'Lettre d\u2019intention Article 51'],
    ],
  },
];

/** The template as a programme stores it: codes J0…J11, months counted from the start (M1 = 0). */
export function templateItems(): MilestoneTemplateItem[] {
  return MILESTONE_TEMPLATE.map((t, index) => ({
    phase: t.phase,
    code: `J${index}`,
    title: { fr: t.title[0], en: t.title[1] },
    description: t.description,
    offsetMonths: t.startMonth - 1,
    durationMonths: t.endMonth - t.startMonth,
    evidenceExpected: [...t.evidenceExpected],
    requiresKpiValues: t.requiresKpiValues ?? false,
  }));
}

export function buildMilestoneTemplate(programmeId: string, at: Timestamp): MilestoneTemplate {
  return { programmeId, items: templateItems(), version: 1, updatedAt: at };
}
