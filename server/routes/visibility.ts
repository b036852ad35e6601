import type { Principal } from '../../src/domain/rules';

/** The programmes a principal belongs to, in any role: what `signed-in` lists are cut down to. */
export const programmeIdsOf = (p: Principal | null): string[] => [
  ...new Set((p?.memberships ?? []).map((m) => m.programmeId)),
];
