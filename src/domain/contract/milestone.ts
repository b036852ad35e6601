import { z } from 'zod';
import { Id, IsoDate, LocalizedText, Period, text, Timestamp, urlText, Version } from './common';

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
  'withdraw',
  'waive',
  'reopen',
]);
export type TransitionAction = z.infer<typeof TransitionAction>;

export const Milestone = z.strictObject({
  id: Id,
  consortiumId: Id,
  phase: Phase,
  code: text().min(1).max(20),
  title: LocalizedText,
  description: text().max(4000),
  status: MilestoneStatus,
  /** Frozen when the plan is approved; null while the plan is a draft. */
  baselineDate: IsoDate.nullable(),
  forecastDate: IsoDate,
  actualDate: IsoDate.nullable(),
  progress: z.number().int().min(0).max(100),
  startDate: IsoDate,
  evidenceExpected: z.array(text().max(200)).max(20),
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
    reason: text().trim().min(3).max(1000),
    description: text().trim().max(4000),
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
  comment: text().trim().max(4000).optional(),
  /** With `submit`: the day the lead declares the milestone achieved (default: that day). */
  achievedOn: IsoDate.optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequest>;

export const MilestoneEventType = z.enum([
  'transition',
  'replan',
  'progress',
  'comment',
  'evidence',
]);
export type MilestoneEventType = z.infer<typeof MilestoneEventType>;

export const MilestoneEvent = z.strictObject({
  id: Id,
  milestoneId: Id,
  type: MilestoneEventType,
  action: TransitionAction.nullable(),
  fromStatus: MilestoneStatus.nullable(),
  toStatus: MilestoneStatus.nullable(),
  previousDate: IsoDate.nullable(),
  newDate: IsoDate.nullable(),
  comment: text().max(4000).nullable(),
  actorName: text().max(200),
  at: Timestamp,
});
export type MilestoneEvent = z.infer<typeof MilestoneEvent>;

export const Evidence = z.strictObject({
  id: Id,
  milestoneId: Id,
  kind: z.enum(['file', 'link']),
  name: text().min(1).max(255),
  url: urlText().nullable(),
  mediaType: text().max(100).nullable(),
  sizeBytes: z.number().int().min(0).nullable(),
  /** The expected item (of the milestone's evidenceExpected) this evidence answers. */
  covers: text().max(200).nullable(),
  uploadedBy: text().max(200),
  uploadedAt: Timestamp,
});
export type Evidence = z.infer<typeof Evidence>;

/** What a piece of evidence was filed for: one of the milestone's expected items, or nothing. */
const Covers = text().trim().min(1).max(200).nullable();

export const EvidenceLinkInput = z.strictObject({
  name: text().trim().min(1).max(255),
  url: urlText({ protocol: /^https?$/ }),
  covers: Covers.default(null),
});
export type EvidenceLinkInput = z.infer<typeof EvidenceLinkInput>;

/** Query of a file upload: the body is the file itself, its Content-Type the media type. */
export const EvidenceUploadQuery = z.strictObject({
  name: text().trim().min(1).max(255),
  covers: text().trim().min(1).max(200).optional(),
});
export type EvidenceUploadQuery = z.infer<typeof EvidenceUploadQuery>;

/** Media types the server stores; anything else is 415. */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const CommentRequest = z.strictObject({ comment: text().trim().min(1).max(4000) });

/** What stops a submission: an expected piece of evidence, or a KPI value not yet entered. */
export const SubmissionGap = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('evidence'), item: text() }),
  z.strictObject({ kind: z.literal('kpiValue'), kpiId: Id, kpiCode: text(), period: Period }),
]);
export type SubmissionGap = z.infer<typeof SubmissionGap>;

/** One phase of a programme's milestone template (domain brief §4). */
export const MilestoneTemplateItem = z.strictObject({
  phase: Phase,
  code: text()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,19}$/, 'expected e.g. J3 or DPIA_1'),
  title: LocalizedText,
  description: text().trim().max(4000),
  /** Months after the consortium's start at which the milestone opens. */
  offsetMonths: z.number().int().min(0).max(120),
  /** Months from opening to due date (0: due the month it opens). */
  durationMonths: z.number().int().min(0).max(120),
  evidenceExpected: z.array(text().trim().min(1).max(200)).max(20),
  requiresKpiValues: z.boolean(),
});
export type MilestoneTemplateItem = z.infer<typeof MilestoneTemplateItem>;

export const MilestoneTemplateInput = z.strictObject({
  items: z
    .array(MilestoneTemplateItem)
    .min(1)
    .max(40)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, {
      message: 'codes must be unique',
    }),
});
export type MilestoneTemplateInput = z.infer<typeof MilestoneTemplateInput>;

export const MilestoneTemplate = z.strictObject({
  programmeId: Id,
  items: z.array(MilestoneTemplateItem),
  version: Version,
  updatedAt: Timestamp,
});
export type MilestoneTemplate = z.infer<typeof MilestoneTemplate>;

/** A consortium's plan: none until the template is applied, draft while adjusted, then approved. */
export const PlanStatus = z.enum(['none', 'draft', 'approved']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const MilestonePlan = z.strictObject({
  consortiumId: Id,
  status: PlanStatus,
  approvedAt: Timestamp.nullable(),
  approvedBy: text().max(200).nullable(),
  milestoneCount: z.number().int().min(0),
  version: Version,
});
export type MilestonePlan = z.infer<typeof MilestonePlan>;

export const MilestoneCreate = z
  .strictObject({
    phase: Phase,
    code: MilestoneTemplateItem.shape.code,
    title: LocalizedText,
    description: text().trim().max(4000).default(''),
    startDate: IsoDate,
    forecastDate: IsoDate,
    evidenceExpected: z.array(text().trim().min(1).max(200)).max(20).default([]),
    requiresKpiValues: z.boolean().default(false),
  })
  .refine((m) => m.forecastDate >= m.startDate, {
    message: 'the due date cannot be before the start',
    path: ['forecastDate'],
  });
export type MilestoneCreate = z.infer<typeof MilestoneCreate>;

/**
 * Why a milestone write was refused, sent as `details.reason` with 403/409/422 answers: the
 * message is English for logs and API users; the UI translates by code and reason.
 */
export const MilestoneRefusal = z.enum([
  /** The role may not take this action (403). */
  'role_not_allowed',
  /** The action does not start from the milestone's current status (422). */
  'invalid_state',
  /** Requesting changes, waiving and reopening need a comment (422, field `comment`). */
  'comment_required',
  /** Expected evidence or KPI values are missing (422, `details.missing`). */
  'submission_gaps',
  /** The consortium already has a plan: the template applies only to a consortium without one. */
  'plan_exists',
  /** Only a draft plan can be approved. */
  'plan_not_draft',
  /** A plan without milestones cannot be approved. */
  'plan_empty',
  /** Milestones of an approved plan are waived, not deleted. */
  'plan_approved',
  /** A milestone with events or evidence is kept: its history is data. */
  'milestone_has_history',
  /** A date outside the consortium's period. */
  'outside_consortium',
  /** Another milestone of the consortium has this code. */
  'code_taken',
  /** An approved or waived milestone takes no evidence, comments aside; reopen it first. */
  'milestone_closed',
  /** `covers` names no item of the milestone's evidenceExpected. */
  'not_expected',
  /** The file's bytes do not look like its declared type. */
  'content_mismatch',
  /** A submitted milestone is frozen while it is reviewed; the lead withdraws it to change it. */
  'under_review',
  /** The declared achievement date is in the future. */
  'achieved_on_invalid',
]);
export type MilestoneRefusal = z.infer<typeof MilestoneRefusal>;

/** A submission waiting for a manager, oldest first in the queue. */
export const ReviewItem = z.strictObject({
  milestone: Milestone,
  consortium: z.strictObject({ id: Id, code: text(), name: text() }),
  submittedAt: Timestamp,
  submittedBy: text().max(200),
  waitingDays: z.number().int().min(0),
  /** How many of the expected items a piece of evidence covers (unrelated pieces do not count). */
  evidenceCovered: z.number().int().min(0),
});
export type ReviewItem = z.infer<typeof ReviewItem>;
