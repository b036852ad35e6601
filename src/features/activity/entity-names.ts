import type { Consortium } from '@domain/contract/consortium';
import type { KpiDefinition } from '@domain/contract/kpi';
import type { Milestone } from '@domain/contract/milestone';
import type { Locale } from '@domain/contract/common';
import type { EntityNames } from './sentence-parts';

/** Lookups over rows the screen already holds; an unknown id reads as itself. */
export function entityNames(
  locale: Locale,
  rows: {
    consortia?: readonly Pick<Consortium, 'id' | 'name'>[];
    milestones?: readonly Milestone[];
    kpis?: readonly KpiDefinition[];
    users?: readonly { id: string; name: string }[];
  },
): EntityNames {
  const byId = <T extends { id: string }>(list: readonly T[] = []) =>
    new Map(list.map((r) => [r.id, r]));
  const consortia = byId(rows.consortia);
  const milestones = byId(rows.milestones);
  const kpis = byId(rows.kpis);
  const users = byId(rows.users);
  return {
    consortium: (id) => consortia.get(id)?.name,
    milestone: (id) => {
      const m = milestones.get(id);
      return m && { code: m.code, title: m.title[locale] };
    },
    kpi: (id) => {
      const k = kpis.get(id);
      return k && { name: k.name[locale], code: k.code, spec: k };
    },
    user: (id) => users.get(id)?.name,
  };
}
