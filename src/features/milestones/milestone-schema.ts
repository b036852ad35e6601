import { z } from 'zod';
import { MilestonePatch, type Milestone } from '@domain/contract/milestone';
import { parseLocaleNumber } from '@/lib/format';

/** The progress-and-forecast form's schema: the limits live in MilestonePatch only. */

export const EDITED_FIELDS = ['progress', 'forecastDate'] as const;
export const FORM_FIELDS = [...EDITED_FIELDS, 'reason'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The values the user started from, and the version If-Match is relative to. */
export type MilestoneBase = Pick<Milestone, (typeof EDITED_FIELDS)[number] | 'status' | 'version'>;

export interface ProgressInput {
  progress: string;
  forecastDate: string;
  reason: string;
}

export const isFormField = (field: string): field is FormField =>
  (FORM_FIELDS as readonly string[]).includes(field);

export const baseOf = (m: Milestone): MilestoneBase => ({
  progress: m.progress,
  forecastDate: m.forecastDate,
  status: m.status,
  version: m.version,
});

export const inputOf = (m: Pick<Milestone, 'progress' | 'forecastDate'>): ProgressInput => ({
  progress: String(m.progress),
  forecastDate: m.forecastDate,
  reason: '',
});

/** The message key under milestoneEdit.errors for a rule the patch broke on `field`. */
function errorKey(field: string, code: string): string {
  if (field === 'progress') return 'progressRange';
  if (field === 'forecastDate') return 'dateInvalid';
  return code === 'too_small' ? 'reasonShort' : 'reasonRequired';
}

/**
 * What the form sends: only what changed, checked by the contract's MilestonePatch (a new forecast
 * date carries its reason); null when nothing changed. Each broken rule lands on its field with
 * its message key.
 */
export function progressForm(base: MilestoneBase) {
  return z
    .object({ progress: z.string(), forecastDate: z.string(), reason: z.string() })
    .transform((typed, ctx): MilestonePatch | null => {
      const changed: Record<string, unknown> = {};
      const progress = parseLocaleNumber(typed.progress);
      const value = typeof progress === 'number' ? progress : NaN;
      if (value !== base.progress) changed.progress = value;
      if (typed.forecastDate !== base.forecastDate) changed.forecastDate = typed.forecastDate;
      if (Object.keys(changed).length === 0) return null;
      if (typed.reason.trim()) changed.reason = typed.reason;
      const parsed = MilestonePatch.safeParse(changed);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        ctx.addIssue({ code: 'custom', path: [field], message: errorKey(field, issue.code) });
      }
      return z.NEVER;
    });
}
