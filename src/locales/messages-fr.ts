import core from './fr.json';
import kpis from './kpis.fr.json';
import milestones from './milestones.fr.json';
import exportsMessages from './exports.fr.json';
import portfolio from './portfolio.fr.json';

/**
 * The French messages, bundled with the app shell: French is the default language. Messages are
 * split by feature; each file owns distinct top-level keys, so a shallow merge is enough.
 */
export const fr = { ...core, ...portfolio, ...milestones, ...kpis, ...exportsMessages };
export type Messages = typeof fr;
