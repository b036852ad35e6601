import { z } from 'zod';
import { Id, listOf } from './common';
import {
  CommentRequest,
  Evidence,
  EvidenceLinkInput,
  EvidenceUploadQuery,
  Milestone,
  MilestoneCreate,
  MilestoneEvent,
  MilestonePlan,
  MilestoneTemplate,
  MilestoneTemplateInput,
  ReviewItem,
  TransitionRequest,
} from './milestone';
import type { Access } from '../rules/access';
import type { RouteDef } from './routes';

const route = <const R extends RouteDef>(r: R): R => r;
const read = (scope: 'programme' | 'consortium' | 'milestone'): Access => ({
  kind: 'scoped',
  permission: 'consortium.read',
  scope,
});
const programmeParams = z.strictObject({ programmeId: Id });
const consortiumParams = z.strictObject({ consortiumId: Id });
const milestoneParams = z.strictObject({ milestoneId: Id });
const evidenceParams = z.strictObject({ milestoneId: Id, evidenceId: Id });
const Ok = z.strictObject({ ok: z.literal(true) });

/** Milestone templates, plans, the lifecycle, evidence and reviews. */
export const milestoneRoutes = {
  getMilestoneTemplate: route({
    method: 'GET',
    access: read('programme'),
    path: '/programmes/:programmeId/milestone-template',
    params: programmeParams,
    response: MilestoneTemplate,
  }),
  putMilestoneTemplate: route({
    method: 'PUT',
    access: { kind: 'scoped', permission: 'milestone.plan', scope: 'programme' },
    path: '/programmes/:programmeId/milestone-template',
    params: programmeParams,
    body: MilestoneTemplateInput,
    response: MilestoneTemplate,
    ifMatch: 'required',
  }),
  listProgrammeMilestones: route({
    method: 'GET',
    access: read('programme'),
    path: '/programmes/:programmeId/milestones',
    params: programmeParams,
    response: listOf(Milestone),
  }),
  getMilestonePlan: route({
    method: 'GET',
    access: read('consortium'),
    path: '/consortia/:consortiumId/plan',
    params: consortiumParams,
    response: MilestonePlan,
  }),
  applyMilestoneTemplate: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'milestone.plan', scope: 'consortium' },
    path: '/consortia/:consortiumId/plan/apply-template',
    params: consortiumParams,
    response: MilestonePlan,
    status: 201,
  }),
  approveMilestonePlan: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'milestone.plan', scope: 'consortium' },
    path: '/consortia/:consortiumId/plan/approve',
    params: consortiumParams,
    response: MilestonePlan,
    ifMatch: 'required',
  }),
  createMilestone: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'milestone.plan', scope: 'consortium' },
    path: '/consortia/:consortiumId/milestones',
    params: consortiumParams,
    body: MilestoneCreate,
    response: Milestone,
    status: 201,
  }),
  deleteMilestone: route({
    method: 'DELETE',
    access: { kind: 'scoped', permission: 'milestone.plan', scope: 'milestone' },
    path: '/milestones/:milestoneId',
    params: milestoneParams,
    response: Ok,
    ifMatch: 'required',
  }),
  transitionMilestone: route({
    method: 'POST',
    // The gate lets leads and managers in; the state machine then decides per action and role.
    access: { kind: 'scoped', permission: 'milestone.update', scope: 'milestone' },
    path: '/milestones/:milestoneId/transitions',
    params: milestoneParams,
    body: TransitionRequest,
    response: Milestone,
    ifMatch: 'required',
  }),
  addMilestoneComment: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'milestone.comment', scope: 'milestone' },
    path: '/milestones/:milestoneId/comments',
    params: milestoneParams,
    body: CommentRequest,
    response: MilestoneEvent,
    status: 201,
  }),
  addEvidenceLink: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'milestone.update', scope: 'milestone' },
    path: '/milestones/:milestoneId/evidence',
    params: milestoneParams,
    body: EvidenceLinkInput,
    response: Evidence,
    status: 201,
  }),
  uploadEvidence: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'milestone.update', scope: 'milestone' },
    path: '/milestones/:milestoneId/evidence/files',
    params: milestoneParams,
    query: EvidenceUploadQuery,
    /** The body is the file: Content-Type on EVIDENCE_MEDIA_TYPES, at most EVIDENCE_MAX_BYTES. */
    rawBody: true,
    response: Evidence,
    status: 201,
  }),
  downloadEvidence: route({
    method: 'GET',
    access: read('milestone'),
    path: '/milestones/:milestoneId/evidence/:evidenceId/content',
    params: evidenceParams,
    /** Answered with the stored bytes as an attachment, not JSON. */
    rawResponse: true,
    response: z.unknown(),
  }),
  deleteEvidence: route({
    method: 'DELETE',
    access: { kind: 'scoped', permission: 'milestone.update', scope: 'milestone' },
    path: '/milestones/:milestoneId/evidence/:evidenceId',
    params: evidenceParams,
    response: Ok,
  }),
  listReviews: route({
    method: 'GET',
    // Filtered to the programmes where the reader reviews; everyone else gets an empty queue.
    access: { kind: 'signed-in' },
    path: '/reviews',
    query: z.strictObject({ programmeId: Id.optional() }),
    response: listOf(ReviewItem),
  }),
} as const;
