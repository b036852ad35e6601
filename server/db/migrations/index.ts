import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './001-initial';
import { accountsAndAudit } from './002-accounts-and-audit';
import { milestonePlans } from './003-milestone-plans';
import { kpiCatalogue } from './004-kpi-catalogue';
import { milestoneWithdraw } from './005-milestone-withdraw';
import { jobs } from './006-jobs';
import { reportingCycle } from './007-reporting-cycle';
import { reportArchives } from './008-report-archives';

/**
 * Listed by hand rather than globbed from disk so migrations work the same under tsx, vitest and
 * a bundle. Names sort in the order they must run; never rename or edit a shipped one.
 */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-accounts-and-audit': accountsAndAudit,
  '003-milestone-plans': milestonePlans,
  '004-kpi-catalogue': kpiCatalogue,
  '005-milestone-withdraw': milestoneWithdraw,
  '006-jobs': jobs,
  '007-reporting-cycle': reportingCycle,
  '008-report-archives': reportArchives,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? '';
