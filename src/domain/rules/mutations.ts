import type { Timestamp } from '../contract/common';
import type { Consortium, ConsortiumPatch } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue, KpiValueInput } from '../contract/kpi';
import type { Milestone, MilestoneEvent, MilestonePatch } from '../contract/milestone';
import type { Programme, ProgrammePatch } from '../contract/programme';
import { Problem } from '../problems';
import { kpiStatus, targetAt } from './kpi-status';
import { computeValue, definitionVersionAt, validateKpiValue } from './kpi-values';
import { isDone } from './milestone-machine';
import { checkNotUnderReview } from './milestone-refusal';

/**
 * What a write does, as pure functions: the server and the mocks load the rows, call these, and
 * store what comes back. Storage is the only thing that differs between them.
 */
export interface Actor {
  id: string | null;
  name: string;
}

export interface MutationContext {
  actor: Actor;
  now: Timestamp;
  newId: () => string;
}

export function applyConsortiumPatch(
  c: Consortium,
  patch: ConsortiumPatch,
  ctx: MutationContext,
): Consortium {
  return { ...c, ...patch, version: c.version + 1, updatedAt: ctx.now };
}

/**
 * A new threshold or tolerance applies from the next read: suppression, health and who may set
 * targets are computed when asked, never stored, so nothing else needs rewriting.
 */
export function applyProgrammePatch(
  p: Programme,
  patch: ProgrammePatch,
  ctx: MutationContext,
): Programme {
  return { ...p, ...patch, version: p.version + 1, updatedAt: ctx.now };
}

export function applyMilestonePatch(
  m: Milestone,
  patch: MilestonePatch,
  consortium: Pick<Consortium, 'startDate' | 'endDate'>,
  ctx: MutationContext,
): { milestone: Milestone; events: MilestoneEvent[] } {
  const events: MilestoneEvent[] = [];
  const event = (e: Partial<MilestoneEvent> & Pick<MilestoneEvent, 'type'>): MilestoneEvent => ({
    id: ctx.newId(),
    milestoneId: m.id,
    action: null,
    fromStatus: null,
    toStatus: null,
    previousDate: null,
    newDate: null,
    comment: null,
    actorName: ctx.actor.name,
    at: ctx.now,
    ...e,
  });
  checkNotUnderReview(m);
  if (isDone(m.status)) {
    throw new Problem(
      422,
      'rule_violated',
      'An approved or waived milestone cannot be changed; reopen it first',
      {
        issues: [{ field: 'status', code: 'milestone_closed', message: m.status }],
      },
    );
  }
  if (patch.forecastDate !== undefined && patch.forecastDate !== m.forecastDate) {
    if (patch.forecastDate < consortium.startDate || patch.forecastDate > consortium.endDate) {
      throw new Problem(
        422,
        'rule_violated',
        'The forecast date must fall within the consortium period',
        {
          issues: [
            {
              field: 'forecastDate',
              code: 'outside_consortium',
              message: `between ${consortium.startDate} and ${consortium.endDate}`,
            },
          ],
        },
      );
    }
    if (patch.forecastDate < m.startDate) {
      throw new Problem(
        422,
        'rule_violated',
        'The forecast date cannot be before the milestone starts',
        {
          issues: [
            { field: 'forecastDate', code: 'before_start', message: `on or after ${m.startDate}` },
          ],
        },
      );
    }
    events.push(
      event({
        type: 'replan',
        previousDate: m.forecastDate,
        newDate: patch.forecastDate,
        comment: patch.reason ?? null,
      }),
    );
  }
  if (patch.progress !== undefined && patch.progress !== m.progress) {
    events.push(event({ type: 'progress', comment: `${m.progress} → ${patch.progress} %` }));
  }
  const { reason: _reason, ...fields } = patch;
  return {
    milestone: { ...m, ...fields, version: m.version + 1, updatedAt: ctx.now },
    events,
  };
}

export interface KpiValueWrite {
  kpi: KpiDefinition;
  settings: ConsortiumKpi | null;
  consortium: Pick<Consortium, 'id' | 'startDate' | 'endDate'>;
  period: string;
  input: KpiValueInput;
  current: KpiValue | null;
  periodLocked: boolean;
}

/** Validates a KPI value entry and returns the new current value (a new revision when one existed). */
export function prepareKpiValue(w: KpiValueWrite, ctx: MutationContext): KpiValue {
  if (!w.settings)
    throw new Problem(404, 'not_found', 'This KPI is not tracked by this consortium');
  if (w.periodLocked) {
    throw new Problem(422, 'rule_violated', 'This reporting period is locked', {
      issues: [{ field: 'period', code: 'period_locked', message: 'locked' }],
    });
  }
  const value = computeValue(w.kpi, w.input);
  const target = targetAt(w.settings, w.period);
  const red = kpiStatus(value, target, w.kpi.direction, w.settings.tolerance) === 'red';
  const issues = validateKpiValue(w.kpi, w.input, w.period, w.consortium, red);
  if (issues.length > 0) {
    const fields = [...new Set(issues.map((i) => i.field))];
    throw new Problem(422, 'rule_violated', `Invalid KPI value: ${fields.join(', ')}`, {
      issues: issues.map((i) => ({ ...i, message: i.code.replaceAll('_', ' ') })),
    });
  }
  return {
    id: ctx.newId(),
    consortiumId: w.consortium.id,
    kpiId: w.kpi.id,
    period: w.period,
    value,
    numerator: w.input.numerator ?? null,
    denominator: w.input.denominator ?? null,
    suppressed: false,
    provisional: w.input.provisional,
    source: w.input.source,
    note: w.input.note,
    explanation: w.input.explanation,
    definitionVersion: definitionVersionAt(w.kpi.definitionVersions, w.period),
    revision: (w.current?.revision ?? 0) + 1,
    enteredBy: ctx.actor.name,
    enteredAt: ctx.now,
    version: (w.current?.version ?? 0) + 1,
  };
}
