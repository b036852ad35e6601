import type { IsoDate } from '@domain/contract/common';
import type { Milestone, SubmissionGap } from '@domain/contract/milestone';
import { currentValues, type Dataset } from '@domain/demo/dataset';
import { submissionGaps } from '@domain/rules/milestone-submission';

/** What a submission of this milestone still lacks, from the store's rows. */
export function gapsOf(data: Dataset, milestone: Milestone, today: IsoDate): SubmissionGap[] {
  const consortium = data.consortia.find((c) => c.id === milestone.consortiumId);
  if (!consortium) return [];
  return submissionGaps({
    milestone,
    evidence: data.evidence.filter((e) => e.milestoneId === milestone.id),
    consortium,
    kpis: data.kpis.filter((k) => k.programmeId === consortium.programmeId),
    settings: data.consortiumKpis.filter((s) => s.consortiumId === consortium.id),
    values: currentValues(data.kpiValues.filter((v) => v.consortiumId === consortium.id)),
    today,
  });
}
