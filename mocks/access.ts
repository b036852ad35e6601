import type { Scope } from '@domain/rules/permissions';
import type { ScopeSource } from '@domain/rules/access';
import type { MockStore } from './store';

/**
 * Where the object named by a route's parameters lives, looked up in the store the way the
 * server looks it up in its database; null when the object does not exist (answered 404).
 */
export function resolveScope(
  store: MockStore,
  source: ScopeSource,
  params: Partial<Record<string, string>>,
): Scope | null {
  const d = store.data;
  const ofConsortium = (id: string | undefined): Scope | null => {
    const c = d.consortia.find((x) => x.id === id);
    return c ? { programmeId: c.programmeId, consortiumId: c.id } : null;
  };
  switch (source) {
    case 'programme': {
      const p = d.programmes.find((x) => x.id === params.programmeId);
      return p ? { programmeId: p.id } : null;
    }
    case 'consortium':
      return ofConsortium(params.consortiumId);
    case 'milestone':
      return ofConsortium(d.milestones.find((m) => m.id === params.milestoneId)?.consortiumId);
    case 'kpi': {
      const k = d.kpis.find((x) => x.id === params.kpiId);
      return k ? { programmeId: k.programmeId } : null;
    }
    case 'user': {
      const u = d.users.find((x) => x.id === params.userId);
      const programmeId = params.programmeId ?? u?.memberships[0]?.programmeId;
      return u && programmeId ? { programmeId } : null;
    }
  }
}
