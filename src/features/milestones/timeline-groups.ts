import type { Consortium } from '@domain/contract/consortium';
import type { Milestone } from '@domain/contract/milestone';
import { compareMilestones } from '@domain/rules/ordering';

export interface TimelineGroup {
  consortium: Pick<Consortium, 'id' | 'name'>;
  milestones: Milestone[];
}

/** Consortia in the programme's order, each with its milestones in plan order; empty ones left out. */
export function groupByConsortium(
  consortia: readonly Pick<Consortium, 'id' | 'name'>[],
  milestones: readonly Milestone[],
): TimelineGroup[] {
  return consortia
    .map((consortium) => ({
      consortium: { id: consortium.id, name: consortium.name },
      milestones: milestones
        .filter((m) => m.consortiumId === consortium.id)
        .sort(compareMilestones),
    }))
    .filter((g) => g.milestones.length > 0);
}
