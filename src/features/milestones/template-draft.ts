import {
  MilestoneTemplateInput,
  type MilestoneTemplateItem,
  type Phase,
} from '@domain/contract/milestone';

/**
 * The template editor's side, kept free of React: items as the user types them (strings), and
 * the contract's verdict on them, per item and field.
 */

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

export interface ItemDraft extends Record<ItemField, string> {
  /** Local identity for React while items are added, moved and removed. */
  key: string;
  phase: Phase;
  requiresKpiValues: boolean;
}

export type ItemErrors = Partial<Record<ItemField, true>>;

let nextKey = 0;
const newKey = () => `item-${(nextKey += 1)}`;

export function toItemDraft(item: MilestoneTemplateItem): ItemDraft {
  return {
    key: newKey(),
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

export function emptyItem(phase: Phase): ItemDraft {
  return {
    key: newKey(),
    phase,
    code: '',
    titleFr: '',
    titleEn: '',
    description: '',
    offsetMonths: '0',
    durationMonths: '1',
    evidenceExpected: '',
    requiresKpiValues: false,
  };
}

const whole = (text: string) => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN);

function toInputItem(d: ItemDraft) {
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

export type TemplateResult =
  | { kind: 'valid'; input: MilestoneTemplateInput }
  | {
      kind: 'invalid';
      /** Per item key. */
      items: Record<string, ItemErrors>;
      /** Problems of the list as a whole: empty, too long, duplicate codes. */
      list: ('empty' | 'tooMany' | 'duplicateCodes')[];
    };

function itemField(path: readonly PropertyKey[]): ItemField | null {
  const [field, sub] = path.map(String);
  if (field === 'title') return sub === 'en' ? 'titleEn' : 'titleFr';
  return (ITEM_FIELDS as readonly string[]).includes(field ?? '') ? (field as ItemField) : null;
}

export function buildTemplate(drafts: readonly ItemDraft[]): TemplateResult {
  const parsed = MilestoneTemplateInput.safeParse({ items: drafts.map(toInputItem) });
  if (parsed.success) return { kind: 'valid', input: parsed.data };
  const items: Record<string, ItemErrors> = {};
  const list = new Set<'empty' | 'tooMany' | 'duplicateCodes'>();
  for (const issue of parsed.error.issues) {
    const [, index, ...rest] = issue.path;
    const draft = typeof index === 'number' ? drafts[index] : undefined;
    const field = itemField(rest);
    if (draft && field) {
      items[draft.key] = { ...items[draft.key], [field]: true };
    } else if (issue.code === 'too_small') list.add('empty');
    else if (issue.code === 'too_big') list.add('tooMany');
    else list.add('duplicateCodes');
  }
  return { kind: 'invalid', items, list: [...list] };
}

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
