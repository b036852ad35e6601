import type { Kysely } from 'kysely';
import type { Scope, ScopeSource } from '../src/domain/rules';
import type { DB } from './db/schema';

type Input = Record<string, unknown> | undefined;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Where the object a route names lives, looked up from its id; null when it does not exist,
 * which `decideAccess` answers 404 like an object the caller may not see.
 */
export async function resolveScope(
  db: Kysely<DB>,
  source: ScopeSource,
  params: Input,
  readLater: () => Promise<{ query: Input; body: unknown }>,
): Promise<Scope | null> {
  switch (source) {
    case 'programme': {
      let id = str(params?.programmeId);
      if (id === undefined) {
        const { query, body } = await readLater();
        const fromBody = typeof body === 'object' && body !== null && 'programmeId' in body;
        id = (fromBody ? str(body.programmeId) : undefined) ?? str(query?.programmeId);
      }
      if (id === undefined) return null;
      const row = await db
        .selectFrom('programmes')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { programmeId: row.id, consortiumId: null } : null;
    }
    case 'consortium': {
      const id = str(params?.consortiumId);
      if (id === undefined) return null;
      const row = await db
        .selectFrom('consortia')
        .select(['id', 'programmeId'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { programmeId: row.programmeId, consortiumId: row.id } : null;
    }
    case 'milestone': {
      const id = str(params?.milestoneId);
      if (id === undefined) return null;
      const row = await db
        .selectFrom('milestones as m')
        .innerJoin('consortia as c', 'c.id', 'm.consortiumId')
        .select(['c.id', 'c.programmeId'])
        .where('m.id', '=', id)
        .executeTakeFirst();
      return row ? { programmeId: row.programmeId, consortiumId: row.id } : null;
    }
    case 'kpi': {
      const id = str(params?.kpiId);
      if (id === undefined) return null;
      const row = await db
        .selectFrom('kpis')
        .select('programmeId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { programmeId: row.programmeId, consortiumId: null } : null;
    }
    case 'period': {
      const id = str(params?.periodId);
      if (id === undefined) return null;
      const row = await db
        .selectFrom('reportingPeriods')
        .select('programmeId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { programmeId: row.programmeId, consortiumId: null } : null;
    }
    case 'user':
      // No route is scoped by user yet; user routes are scoped by their programme.
      return null;
  }
}
