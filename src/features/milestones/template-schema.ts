import type { Path } from 'react-hook-form';
import { z } from 'zod';
import { issueCode } from '@domain/contract/common';
import {
  MilestoneTemplateInput,
  Phase,
  type MilestoneTemplateItem,
} from '@domain/contract/milestone';

/** The template form's schema: the rules live in the contract's MilestoneTemplateInput only. */

export const ITEM_FIELDS = [
  'code',
  'titleFr',
  'titleEn',
  'description',
  'offsetMonths',
  'durationMonths',
  'evidenceExpected',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** One phase as the user types it: numbers and the evidence list stay text until sent. */
export interface ItemInput extends Record<ItemField, string> {
  phase: Phase;
  requiresKpiValues: boolean;
}

export interface TemplateForm {
  items: ItemInput[];
}

/** Problems of the list as a whole, set under the form's `root` so no field carries them. */
export const LIST_PROBLEMS = ['empty', 'tooMany', 'duplicateCodes'] as const;
export type ListProblem = (typeof LIST_PROBLEMS)[number];

export const itemPath = (index: number, field: ItemField): Path<TemplateForm> =>
  `items.${index}.${field}`;

export function toItemInput(item: MilestoneTemplateItem): ItemInput {
  return {
    phase: item.phase,
    code: item.code,
    titleFr: item.title.fr,
    titleEn: item.title.en,
    description: item.description,
    offsetMonths: String(item.offsetMonths),
    durationMonths: String(item.durationMonths),
    evidenceExpected: item.evidenceExpected.join('\n'),
    requiresKpiValues: item.requiresKpiValues,
  };
}

export const emptyItem = (phase: Phase): ItemInput => ({
  phase,
  code: '',
  titleFr: '',
  titleEn: '',
  description: '',
  offsetMonths: '0',
  durationMonths: '1',
  evidenceExpected: '',
  requiresKpiValues: false,
});

const whole = (text: string) => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN);

function toContractItem(d: ItemInput) {
  return {
    phase: d.phase,
    code: d.code.trim().toUpperCase(),
    title: { fr: d.titleFr.trim(), en: d.titleEn.trim() },
    description: d.description,
    offsetMonths: whole(d.offsetMonths),
    durationMonths: whole(d.durationMonths),
    evidenceExpected: d.evidenceExpected
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    requiresKpiValues: d.requiresKpiValues,
  };
}

/** The form's field for a path inside one contract item (`title.en`, `evidenceExpected.2`). */
function itemField(path: readonly PropertyKey[]): ItemField | null {
  const [field, sub] = path.map(String);
  if (field === 'title') return sub === 'en' ? 'titleEn' : 'titleFr';
  return (ITEM_FIELDS as readonly string[]).includes(field ?? '') ? (field as ItemField) : null;
}

/** Where the form shows a refusal the server names by its contract path (`items.3.title.fr`). */
export function formPathOf(serverField: string): Path<TemplateForm> | null {
  const [root, index, ...rest] = serverField.split('.');
  const field = itemField(rest);
  if (root !== 'items' || !index || !/^\d+$/.test(index) || !field) return null;
  return itemPath(Number(index), field);
}

/**
 * What the form sends, checked by the contract. Each broken rule lands on its item's field with
 * its code as the message; the list's own problems land under `root`.
 */
export const templateForm = z
  .object({
    items: z.array(
      z.object({
        phase: Phase,
        code: z.string(),
        titleFr: z.string(),
        titleEn: z.string(),
        description: z.string(),
        offsetMonths: z.string(),
        durationMonths: z.string(),
        evidenceExpected: z.string(),
        requiresKpiValues: z.boolean(),
      }),
    ),
  })
  .transform((typed, ctx): MilestoneTemplateInput => {
    const parsed = MilestoneTemplateInput.safeParse({ items: typed.items.map(toContractItem) });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [, index, ...rest] = issue.path;
      const field = itemField(rest);
      const code = issueCode(issue);
      if (typeof index === 'number' && field) {
        ctx.addIssue({ code: 'custom', path: ['items', index, field], message: code });
      } else {
        const list: ListProblem =
          issue.code === 'too_small'
            ? 'empty'
            : issue.code === 'too_big'
              ? 'tooMany'
              : 'duplicateCodes';
        ctx.addIssue({ code: 'custom', path: ['root', list], message: list });
      }
    }
    return z.NEVER;
  });

/** Codes the two versions do not agree on: added, removed or changed on either side. */
export function templateDifferences(
  theirs: readonly MilestoneTemplateItem[],
  mine: readonly MilestoneTemplateItem[],
): { code: string; theirs: MilestoneTemplateItem | null; mine: MilestoneTemplateItem | null }[] {
  const byCode = (list: readonly MilestoneTemplateItem[]) => new Map(list.map((i) => [i.code, i]));
  const a = byCode(theirs);
  const b = byCode(mine);
  const codes = [...new Set([...a.keys(), ...b.keys()])];
  return codes
    .map((code) => ({ code, theirs: a.get(code) ?? null, mine: b.get(code) ?? null }))
    .filter((d) => JSON.stringify(d.theirs) !== JSON.stringify(d.mine));
}
