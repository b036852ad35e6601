import type { IsoDate, Timestamp } from '../contract/common';
import type {
  Evidence,
  Milestone,
  MilestoneEvent,
  MilestoneStatus,
  TransitionAction,
} from '../contract/milestone';
import type { PlanRecord } from '../rules/milestone-plan';
import { demoFileContent } from './evidence-files';
import { MILESTONE_TEMPLATE, type PhaseTemplate } from './milestone-template';
import type { Random } from './random';
import type { ConsortiumSpec, PhaseStory } from './specs';
import { addDays, at, maxDate, minDate, type Timeline } from './timeline';

export const MANAGER_NAME = 'Claire Martin';
const APPROVAL_COMMENT = 'Pièces conformes aux preuves attendues pour ce jalon.';

export interface MilestoneRows {
  milestones: Milestone[];
  events: MilestoneEvent[];
  evidence: Evidence[];
}

type EventDraft = Omit<MilestoneEvent, 'id' | 'milestoneId'>;

/** Each demo consortium's plan was approved by the manager the day the trial started. */
export function approvedPlan(consortiumId: string, approvedAt: Timestamp): PlanRecord {
  return {
    consortiumId,
    status: 'approved',
    approvedAt,
    approvedBy: MANAGER_NAME,
    version: 2,
    updatedAt: approvedAt,
  };
}

const transition = (
  action: TransitionAction,
  fromStatus: MilestoneStatus,
  toStatus: MilestoneStatus,
  actorName: string,
  date: IsoDate,
  hour: number,
  comment: string | null = null,
): EventDraft => ({
  type: 'transition',
  action,
  fromStatus,
  toStatus,
  previousDate: null,
  newDate: null,
  comment,
  actorName,
  at: at(date, hour),
});

/** Phases the story does not mention follow the calendar: past ones approved, current ones started. */
function defaultOutcome(t: PhaseTemplate, tl: Timeline): NonNullable<PhaseStory['outcome']> {
  const todayMonth = tl.monthOfPeriod(tl.today.slice(0, 7));
  if (t.endMonth < todayMonth) return { status: 'approved' };
  if (t.startMonth <= todayMonth) return { status: 'in_progress', progress: 30 };
  return { status: 'planned' };
}

export function buildMilestones(
  consortiumId: string,
  spec: ConsortiumSpec,
  tl: Timeline,
  rng: Random,
): MilestoneRows {
  const rows: MilestoneRows = { milestones: [], events: [], evidence: [] };
  const lead = spec.leadPerson;
  MILESTONE_TEMPLATE.forEach((t, index) => {
    const story = spec.phases[t.phase] ?? {};
    const outcome = story.outcome ?? defaultOutcome(t, tl);
    const id = `${consortiumId}-j${String(index).padStart(2, '0')}`;
    const startDate = tl.monthStart(t.startMonth);
    const baselineDate = tl.monthEnd(story.plannedEndMonth ?? t.endMonth);
    const drafts: EventDraft[] = [];
    let forecastDate = baselineDate;
    let actualDate: IsoDate | null = null;
    let progress = 0;

    if (outcome.status === 'waived') {
      drafts.push(
        transition(
          'waive',
          'planned',
          'waived',
          MANAGER_NAME,
          tl.monthStart(outcome.atMonth),
          11,
          outcome.reason,
        ),
      );
    } else if (outcome.status !== 'planned') {
      drafts.push(transition('start', 'planned', 'in_progress', lead, startDate, 9));
      for (const r of story.replans ?? []) {
        const newDate = tl.monthEnd(r.toEndMonth);
        drafts.push({
          type: 'replan',
          action: null,
          fromStatus: null,
          toStatus: null,
          previousDate: forecastDate,
          newDate,
          comment: r.reason,
          actorName: lead,
          at: at(addDays(tl.monthStart(r.atMonth), rng.int(3, 20)), 10),
        });
        forecastDate = newDate;
      }
      // Work is handed in a few days before the due date; never after today.
      const handIn = minDate(maxDate(addDays(forecastDate, -rng.int(2, 8)), startDate), tl.today);
      const submitDate = maxDate(addDays(handIn, -rng.int(2, 5)), startDate);
      // The lead declares the achievement date as they submit; approval keeps it.
      if (outcome.status === 'approved') {
        actualDate = submitDate;
        progress = 100;
        drafts.push(transition('submit', 'in_progress', 'submitted', lead, submitDate, 14));
        drafts.push(
          transition(
            'approve',
            'submitted',
            'approved',
            MANAGER_NAME,
            handIn,
            16,
            outcome.comment ?? APPROVAL_COMMENT,
          ),
        );
      } else if (outcome.status === 'submitted') {
        actualDate = handIn;
        progress = outcome.progress;
        drafts.push(transition('submit', 'in_progress', 'submitted', lead, handIn, 14));
      } else if (outcome.status === 'changes_requested') {
        progress = outcome.progress;
        drafts.push(transition('submit', 'in_progress', 'submitted', lead, submitDate, 14));
        drafts.push(
          transition(
            'request_changes',
            'submitted',
            'changes_requested',
            MANAGER_NAME,
            handIn,
            17,
            outcome.comment,
          ),
        );
      } else {
        progress = outcome.progress;
      }
    }

    drafts.sort((a, b) => a.at.localeCompare(b.at));
    const events = drafts.map((d, i) => ({ id: `${id}-e${i + 1}`, milestoneId: id, ...d }));
    const evidence =
      outcome.status === 'approved' ||
      outcome.status === 'submitted' ||
      outcome.status === 'changes_requested'
        ? buildEvidence(id, t, spec, actualDate ?? forecastDate, tl, rng)
        : [];
    rows.events.push(...events);
    rows.evidence.push(...evidence);
    rows.milestones.push({
      id,
      consortiumId,
      phase: t.phase,
      code: `J${index}`,
      title: { fr: t.title[0], en: t.title[1] },
      description: t.description,
      status: outcome.status,
      baselineDate,
      forecastDate,
      actualDate,
      progress,
      startDate,
      evidenceExpected: [...t.evidenceExpected],
      requiresKpiValues: t.requiresKpiValues ?? false,
      evidenceCount: evidence.length,
      version: 1 + events.length + evidence.length,
      updatedAt:
        [...events.map((e) => e.at), ...evidence.map((e) => e.uploadedAt)].sort().pop() ??
        at(tl.start, 8),
    });
  });
  return rows;
}

function buildEvidence(
  milestoneId: string,
  t: PhaseTemplate,
  spec: ConsortiumSpec,
  dueDate: IsoDate,
  tl: Timeline,
  rng: Random,
): Evidence[] {
  return t.evidence.map(([kind, name, covers], i) => {
    const uploaded = minDate(
      maxDate(addDays(dueDate, -rng.int(4, 15)), tl.monthStart(t.startMonth)),
      tl.today,
    );
    const row = {
      id: `${milestoneId}-ev${i + 1}`,
      milestoneId,
      kind,
      name,
      url:
        kind === 'link' ? `https://ged.pascaline.example/${spec.slug}/${t.phase}/${i + 1}` : null,
      mediaType: kind === 'file' ? mediaTypeOf(name) : null,
      covers: covers ?? null,
      uploadedBy: spec.leadPerson,
      uploadedAt: at(uploaded, 11),
    };
    return { ...row, sizeBytes: kind === 'file' ? demoFileContent(row).byteLength : null };
  });
}

function mediaTypeOf(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/pdf';
}
