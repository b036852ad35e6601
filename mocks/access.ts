import type { Scope } from '@domain/rules/permissions';
import type { ScopeSource } from '@domain/rules/access';
import type { MockStore } from './store';

type Input = Record<string, unknown> | undefined;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Where the object named by a route's parameters lives, looked up in the store the way the
 * server looks it up in its database (server/scope.ts); null when the object does not exist,
 * which `decideAccess` answers 404 like an object the caller may not see.
 */
export function resolveScope(
  store: MockStore,
  source: ScopeSource,
  params: Input,
  later: { query: Input; body: unknown } = { query: undefined, body: undefined },
): Scope | null {
  const d = store.data;
  const ofConsortium = (id: string | undefined): Scope | null => {
    const c = d.consortia.find((x) => x.id === id);
    return c ? { programmeId: c.programmeId, consortiumId: c.id } : null;
  };
  switch (source) {
    case 'programme': {
      let id = str(params?.programmeId);
      if (id === undefined) {
        const { query, body } = later;
        const fromBody = typeof body === 'object' && body !== null && 'programmeId' in body;
        id = (fromBody ? str(body.programmeId) : undefined) ?? str(query?.programmeId);
      }
      const p = d.programmes.find((x) => x.id === id);
      return p ? { programmeId: p.id, consortiumId: null } : null;
    }
    case 'consortium':
      return ofConsortium(str(params?.consortiumId));
    case 'milestone':
      return ofConsortium(
        d.milestones.find((m) => m.id === str(params?.milestoneId))?.consortiumId,
      );
    case 'kpi': {
      const k = d.kpis.find((x) => x.id === str(params?.kpiId));
      return k ? { programmeId: k.programmeId, consortiumId: null } : null;
    }
    case 'user':
      // As on the server: no route is scoped by user; user routes are scoped by their programme.
      return null;
  }
}
