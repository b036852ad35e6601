import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountLinkKind } from '@domain/contract/auth';
import { Locale } from '@domain/contract/common';
import { ConsortiumStatus } from '@domain/contract/consortium';
import { Aggregation, Direction, Frequency, KpiUnit } from '@domain/contract/kpi';
import {
  Evidence,
  MilestoneEventType,
  MilestoneStatus,
  Phase,
  PlanStatus,
  TransitionAction,
} from '@domain/contract/milestone';
import { ReportArchive } from '@domain/contract/period-report';
import { ReportingPeriod, Role } from '@domain/contract/reporting';
import { SecurityEventKind } from '@server/auth/security-events';
import { migrate } from '@server/db/migrate';
import { openDatabase, type Database } from '@server/node/database';

/**
 * Every CHECK constraint that enumerates values, by name, and the contract enum it must equal.
 * A new enumerated CHECK fails the test until it is mapped here, so a migration and the contract
 * cannot drift apart.
 */
/** The roles held within one consortium (permissions.ts): they and only they name one. */
const CONSORTIUM_ROLES = Role.extract(['lead', 'member']).options;

const ENUM_OF: Record<string, readonly string[]> = {
  // Unnamed in 002: an invitation's role names a consortium exactly when it is a consortium role.
  account_tokens_check1: CONSORTIUM_ROLES,
  account_tokens_kind_check: AccountLinkKind.options,
  account_tokens_role_check: Role.options,
  consortia_status_check: ConsortiumStatus.options,
  evidence_kind_check: Evidence.shape.kind.options,
  kpis_aggregation_check: Aggregation.options,
  kpis_direction_check: Direction.options,
  kpis_frequency_check: Frequency.options,
  kpis_unit_check: KpiUnit.options,
  memberships_role_check: Role.options,
  memberships_role_scope: CONSORTIUM_ROLES,
  milestone_events_action_check: TransitionAction.options,
  milestone_events_type_check: MilestoneEventType.options,
  // A consortium without a plan has no row, so 'none' is never stored.
  milestone_plans_status_check: PlanStatus.exclude(['none']).options,
  milestones_phase_check: Phase.options,
  milestones_status_check: MilestoneStatus.options,
  reporting_periods_status_check: ReportingPeriod.shape.status.options,
  report_archives_status_check: ReportArchive.shape.status.options,
  report_archives_language_check: Locale.options,
  security_events_kind_check: SecurityEventKind.options,
  users_locale_check: Locale.options,
};

/** The lists of `col = ANY (ARRAY['a'::text, …])`, which is how PostgreSQL prints `col IN (…)`. */
function enumeratedLists(definition: string): string[][] {
  return [...definition.matchAll(/= ANY \(ARRAY\[([^\]]*)\]\)/g)].map((m) =>
    [...m[1]!.matchAll(/'((?:[^']|'')*)'::text/g)].map((v) => v[1]!.replaceAll("''", "'")),
  );
}

describe('CHECK constraints and contract enums', () => {
  let database: Database;
  let checks: { name: string; definition: string }[];

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(database.db);
    const { rows } = await sql<{ name: string; definition: string }>`
      select k.conname as name, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'c' and n.nspname = current_schema()
      order by k.conname`.execute(database.db);
    checks = rows;
  });
  afterAll(async () => {
    await database.close();
  });

  it('maps every enumerated CHECK to an enum', () => {
    const enumerated = checks.filter((c) => enumeratedLists(c.definition).length > 0);
    expect(enumerated.map((c) => c.name).filter((name) => !(name in ENUM_OF))).toEqual([]);
    expect(Object.keys(ENUM_OF).filter((name) => !enumerated.some((c) => c.name === name))).toEqual(
      [],
    );
  });

  it.each(Object.entries(ENUM_OF))('%s lists exactly the enum’s values', (name, options) => {
    const check = checks.find((c) => c.name === name);
    expect(check, name).toBeDefined();
    const lists = enumeratedLists(check!.definition);
    expect(lists).toHaveLength(1);
    expect([...lists[0]!].sort()).toEqual([...options].sort());
  });
});
