import enCore from './en.json';
import enKpis from './kpis.en.json';
import enMilestones from './milestones.en.json';
import frCore from './fr.json';
import frKpis from './kpis.fr.json';
import frMilestones from './milestones.fr.json';

/**
 * Messages are split by feature so that features can grow their own files; each file owns
 * distinct top-level keys, so a shallow merge is enough.
 */
export const fr = { ...frCore, ...frMilestones, ...frKpis };
export const en = { ...enCore, ...enMilestones, ...enKpis };
