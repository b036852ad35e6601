import { MilestonePatch, type Milestone } from '@domain/contract/milestone';

/**
 * The progress-and-forecast form, kept free of React: what the user typed, what changed, and
 * what the contract says about it. The limits live in MilestonePatch only.
 */

export const EDITED_FIELDS = ['progress', 'forecastDate'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

export interface MilestoneDraft {
  progress: string;
  forecastDate: string;
  reason: string;
}

export type DraftField = keyof MilestoneDraft;

/** The values the user started from, and the version If-Match is relative to. */
export type MilestoneBase = Pick<Milestone, EditedField | 'status' | 'version'>;

export type DraftErrorKey = 'progressRange' | 'dateInvalid' | 'reasonRequired' | 'reasonShort';
export type DraftErrors = Partial<Record<DraftField, DraftErrorKey>>;

export function baseOf(m: Milestone): MilestoneBase {
  return {
    progress: m.progress,
    forecastDate: m.forecastDate,
    status: m.status,
    version: m.version,
  };
}

export function draftOf(m: Pick<Milestone, EditedField>): MilestoneDraft {
  return { progress: String(m.progress), forecastDate: m.forecastDate, reason: '' };
}

export type DraftResult =
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: DraftErrors }
  | { kind: 'valid'; patch: MilestonePatch };

/** Only what changed is sent; a new forecast date carries its reason, as the contract demands. */
export function buildMilestonePatch(base: MilestoneBase, draft: MilestoneDraft): DraftResult {
  const changed: Record<string, unknown> = {};
  const progressText = draft.progress.trim();
  const progress = /^\d{1,3}$/.test(progressText) ? Number(progressText) : NaN;
  if (progress !== base.progress) changed.progress = progress;
  if (draft.forecastDate !== base.forecastDate) changed.forecastDate = draft.forecastDate;
  if (Object.keys(changed).length === 0) return { kind: 'unchanged' };
  if (draft.reason.trim()) changed.reason = draft.reason;

  const parsed = MilestonePatch.safeParse(changed);
  if (parsed.success) return { kind: 'valid', patch: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field === 'progress') errors.progress = 'progressRange';
    else if (field === 'forecastDate') errors.forecastDate = 'dateInvalid';
    else if (field === 'reason') {
      errors.reason = issue.code === 'too_small' ? 'reasonShort' : 'reasonRequired';
    }
  }
  return { kind: 'invalid', errors };
}
