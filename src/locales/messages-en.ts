import core from './en.json';
import kpis from './kpis.en.json';
import milestones from './milestones.en.json';
import exportsMessages from './exports.en.json';
import portfolio from './portfolio.en.json';
import type { Messages } from './messages-fr';

/** The English messages, a chunk of their own loaded when English is chosen (see lib/i18n). */
export const en: Messages = { ...core, ...portfolio, ...milestones, ...kpis, ...exportsMessages };
