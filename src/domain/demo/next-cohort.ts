import type { Consortium } from '../contract/consortium';
import type { Programme } from '../contract/programme';
import type { User } from '../contract/reporting';
import { addMonthsToDate } from '../rules/periods';
import type { Dataset } from './dataset';
import { buildMilestoneTemplate } from './milestone-template';
import { NEXT_COHORT_MANAGER } from './people';
import { addDays, at, PROGRAMME_MONTHS, type Timeline } from './timeline';

export const NEXT_COHORT_PROGRAMME_ID = 'cohorte-2027';
export const NEXT_COHORT_MANAGER_EMAIL = NEXT_COHORT_MANAGER.email;

/**
 * The incubator's next cohort, beside the running one: a consortium selected last week that has
 * no plan yet, so a manager can apply the template to it and approve the result. It has its own
 * manager so that the people of the running programme see nothing of it.
 */
export function addNextCohort(data: Dataset, tl: Timeline): void {
  const start = addMonthsToDate(`${tl.today.slice(0, 7)}-01`, 1);
  const end = addDays(addMonthsToDate(start, PROGRAMME_MONTHS), -1);
  const createdAt = at(addDays(tl.today, -7), 10);
  const programme: Programme = {
    id: NEXT_COHORT_PROGRAMME_ID,
    name: 'Cohorte 2027 — incubateur',
    funder: 'ARS Auvergne-Rhône-Alpes (FIR)',
    description:
      'Deuxième cohorte de l\u2019incubateur : un consortium sélectionné, dont le plan de jalons reste à établir.',
    startDate: start,
    endDate: end,
    smallCountThreshold: 10,
    slippageToleranceDays: 30,
    leadsSetTargets: false,
    version: 1,
    updatedAt: createdAt,
  };
  const consortium: Consortium = {
    id: 'officine-lien',
    programmeId: programme.id,
    code: 'D',
    name: 'Officine Lien',
    solution: 'Conciliation médicamenteuse partagée entre l\u2019hôpital et l\u2019officine',
    description:
      'Les pharmacies du territoire reçoivent le bilan médicamenteux de sortie et le concilient avec le traitement habituel du patient.',
    territory: 'Bassin de Villefranche-sur-Saône',
    startDate: start,
    endDate: end,
    budgetEur: 420_000,
    status: 'active',
    partners: [
      {
        organisationId: 'pharmalink',
        name: 'PharmaLink',
        type: 'software_vendor',
        role: 'Éditeur de la plateforme',
        isLead: true,
      },
      {
        organisationId: 'ch-villefranche',
        name: 'Hôpital Nord-Ouest Villefranche',
        type: 'hospital',
        role: 'Pharmacie à usage intérieur',
        isLead: false,
      },
      {
        organisationId: 'officines-beaujolais',
        name: 'Officines du Beaujolais (12 pharmacies)',
        type: 'pharmacy',
        role: 'Conciliation en ville',
        isLead: false,
      },
    ],
    version: 1,
    updatedAt: createdAt,
  };
  const manager: User = {
    id: NEXT_COHORT_MANAGER.id,
    email: NEXT_COHORT_MANAGER.email,
    name: NEXT_COHORT_MANAGER.name,
    locale: 'fr',
    disabled: false,
    memberships: [{ role: 'manager', programmeId: programme.id, consortiumId: null }],
  };
  data.programmes.push(programme);
  data.consortia.push(consortium);
  data.milestoneTemplates.push(buildMilestoneTemplate(programme.id, createdAt));
  data.users.push(manager);
}
