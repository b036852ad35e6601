import { z } from 'zod';
import { Id, IsoDate, LocalizedText, Timestamp, Version } from './common';

/** The twelve phases of the incubator's trial template (domain brief §4). */
export const Phase = z.enum([
  'selection',
  'scoping',
  'agreement',
  'data_protection',
  'medical_device',
  'ethics',
  'build',
  'go_live',
  'enrolment',
  'mid_term_review',
  'final_evaluation',
  'scale_up_decision',
]);
export type Phase = z.infer<typeof Phase>;

export const MilestoneStatus = z.enum([
  'planned',
  'in_progress',
  'submitted',
  'changes_requested',
  'approved',
  'waived',
]);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const TransitionAction = z.enum([
  'start',
  'submit',
  'approve',
  'request_changes',
  'resume',
  'waive',
  'reopen',
]);
export type TransitionAction = z.infer<typeof TransitionAction>;

export const Milestone = z.strictObject({
  id: Id,
  consortiumId: Id,
  phase: Phase,
  code: z.string().min(1).max(20),
  title: LocalizedText,
  description: z.string().max(4000),
  status: MilestoneStatus,
  /** Frozen when the plan is approved; null while the plan is a draft. */
  baselineDate: IsoDate.nullable(),
  forecastDate: IsoDate,
  actualDate: IsoDate.nullable(),
  progress: z.number().int().min(0).max(100),
  startDate: IsoDate,
  evidenceExpected: z.array(z.string().max(200)).max(20),
  requiresKpiValues: z.boolean(),
  evidenceCount: z.number().int().min(0),
  version: Version,
  updatedAt: Timestamp,
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestonePatch = z
  .strictObject({
    progress: z.number().int().min(0).max(100),
    forecastDate: IsoDate,
    /** Required whenever forecastDate changes: slippage history is data. */
    reason: z.string().trim().min(3).max(1000),
    description: z.string().trim().max(4000),
  })
  .partial()
  .refine((p) => Object.keys(p).some((k) => k !== 'reason'), 'at least one field is required')
  .refine((p) => p.forecastDate === undefined || p.reason !== undefined, {
    message: 'a reason is required to change the forecast date',
    path: ['reason'],
  });
export type MilestonePatch = z.infer<typeof MilestonePatch>;

export const TransitionRequest = z.strictObject({
  action: TransitionAction,
  comment: z.string().trim().max(4000).optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequest>;

export const MilestoneEventType = z.enum([
  'transition',
  'replan',
  'progress',
  'comment',
  'evidence',
]);

export const MilestoneEvent = z.strictObject({
  id: Id,
  milestoneId: Id,
  type: MilestoneEventType,
  action: TransitionAction.nullable(),
  fromStatus: MilestoneStatus.nullable(),
  toStatus: MilestoneStatus.nullable(),
  previousDate: IsoDate.nullable(),
  newDate: IsoDate.nullable(),
  comment: z.string().max(4000).nullable(),
  actorName: z.string().max(200),
  at: Timestamp,
});
export type MilestoneEvent = z.infer<typeof MilestoneEvent>;

export const Evidence = z.strictObject({
  id: Id,
  milestoneId: Id,
  kind: z.enum(['file', 'link']),
  name: z.string().min(1).max(255),
  url: z.url().nullable(),
  mediaType: z.string().max(100).nullable(),
  sizeBytes: z.number().int().min(0).nullable(),
  uploadedBy: z.string().max(200),
  uploadedAt: Timestamp,
});
export type Evidence = z.infer<typeof Evidence>;
