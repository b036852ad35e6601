import { z } from 'zod';
import { issueCode } from '@domain/contract/common';
import {
  Aggregation,
  Direction,
  Frequency,
  KpiDefinitionInput,
  KpiDefinitionPatch,
  KpiUnit,
  SourceType,
  type KpiDefinition,
} from '@domain/contract/kpi';
import { measureIssues, VERSIONED_FIELDS } from '@domain/rules/kpi-catalogue';
import { parseLocaleNumber } from '@/lib/format';
import { normalisePeriod } from './settings-draft';

/** The catalogue form as typed; numbers stay text until the save. */
const DefinitionValues = z.object({
  code: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  definitionFr: z.string(),
  definitionEn: z.string(),
  unit: KpiUnit,
  ratePer: z.string(),
  direction: Direction,
  aggregation: Aggregation,
  frequency: Frequency,
  decimals: z.string(),
  sourceType: SourceType,
  reportingLagMonths: z.string(),
  /** Creation: the first period; an edit that changes the meaning: the new version's start. */
  validFrom: z.string(),
  changeNote: z.string(),
});
export type DefinitionDraft = z.infer<typeof DefinitionValues>;

/** Contract paths ("name.fr", "newVersion.validFrom") → error code. */
export type DefinitionErrors = Record<string, string>;

export const EMPTY_DEFINITION: DefinitionDraft = {
  code: '',
  nameFr: '',
  nameEn: '',
  definitionFr: '',
  definitionEn: '',
  unit: 'count',
  ratePer: '',
  direction: 'higher',
  aggregation: 'stock',
  frequency: 'monthly',
  decimals: '0',
  sourceType: 'vendor_log',
  reportingLagMonths: '0',
  validFrom: '',
  changeNote: '',
};

export function definitionDraftOf(kpi: KpiDefinition): DefinitionDraft {
  return {
    code: kpi.code,
    nameFr: kpi.name.fr,
    nameEn: kpi.name.en,
    definitionFr: kpi.definition.fr,
    definitionEn: kpi.definition.en,
    unit: kpi.unit,
    ratePer: kpi.ratePer === null ? '' : String(kpi.ratePer),
    direction: kpi.direction,
    aggregation: kpi.aggregation,
    frequency: kpi.frequency,
    decimals: String(kpi.decimals),
    sourceType: kpi.sourceType,
    reportingLagMonths: String(kpi.reportingLagMonths),
    validFrom: '',
    changeNote: '',
  };
}

const numberOrText = (s: string): number | string => {
  const n = parseLocaleNumber(s);
  return typeof n === 'number' ? n : s;
};

/** The definition fields of the draft, in the contract's shape (numbers that do not parse stay text: the schema names them). */
function fieldsOf(d: DefinitionDraft) {
  return {
    name: { fr: d.nameFr.trim(), en: d.nameEn.trim() },
    definition: { fr: d.definitionFr.trim(), en: d.definitionEn.trim() },
    unit: d.unit,
    ratePer: d.unit === 'rate' ? numberOrText(d.ratePer) : null,
    direction: d.direction,
    aggregation: d.aggregation,
    frequency: d.frequency,
    decimals: numberOrText(d.decimals),
    sourceType: d.sourceType,
    reportingLagMonths: numberOrText(d.reportingLagMonths),
  };
}

function collect(issues: readonly z.core.$ZodIssue[], errors: DefinitionErrors) {
  for (const i of issues) errors[i.path.map(String).join('.') || 'form'] ??= issueCode(i);
}

export type CreateResult =
  { ok: true; input: KpiDefinitionInput } | { ok: false; errors: DefinitionErrors };

/** A new indicator, checked by the contract and by the catalogue's coherence rule. */
export function buildCreate(draft: DefinitionDraft): CreateResult {
  const parsed = KpiDefinitionInput.safeParse({
    code: draft.code.trim().toUpperCase(),
    ...fieldsOf(draft),
    validFrom: normalisePeriod(draft.validFrom),
  });
  const errors: DefinitionErrors = {};
  if (!parsed.success) {
    collect(parsed.error.issues, errors);
    return { ok: false, errors };
  }
  for (const i of measureIssues({ ...parsed.data, ratePer: parsed.data.ratePer ?? null }))
    errors[i.field] ??= i.code;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input: parsed.data };
}

export type PatchResult =
  | { ok: true; patch: KpiDefinitionPatch }
  | { ok: false; errors: DefinitionErrors }
  | { ok: 'unchanged' };

/** Fields whose change opens a new definition version, for the form to ask when and why. */
export function changesMeaning(kpi: KpiDefinition, draft: DefinitionDraft): boolean {
  const next = fieldsOf(draft);
  return VERSIONED_FIELDS.some((f) => JSON.stringify(next[f]) !== JSON.stringify(kpi[f]));
}

/** Only what changed is sent; a change of meaning carries the new version's start and note. */
export function buildPatch(kpi: KpiDefinition, draft: DefinitionDraft): PatchResult {
  const next = fieldsOf(draft);
  const changed = Object.fromEntries(
    (Object.keys(next) as (keyof typeof next)[])
      .filter((k) => JSON.stringify(next[k]) !== JSON.stringify(kpi[k]))
      .map((k) => [k, next[k]]),
  );
  if (Object.keys(changed).length === 0) return { ok: 'unchanged' };
  // The patch schema defaults an absent ratePer to null, which would clear a rate's base:
  // always say what it is (an unchanged value opens no version).
  const candidate = changesMeaning(kpi, draft)
    ? {
        ratePer: next.ratePer,
        ...changed,
        newVersion: {
          validFrom: normalisePeriod(draft.validFrom),
          changeNote: draft.changeNote.trim(),
        },
      }
    : { ratePer: next.ratePer, ...changed };
  const parsed = KpiDefinitionPatch.safeParse(candidate);
  const errors: DefinitionErrors = {};
  if (!parsed.success) {
    collect(parsed.error.issues, errors);
    return { ok: false, errors };
  }
  for (const i of measureIssues({ ...kpi, ...parsed.data })) errors[i.field] ??= i.code;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, patch: parsed.data };
}

const FORM_FIELD: Record<string, keyof DefinitionDraft> = {
  'name.fr': 'nameFr',
  'name.en': 'nameEn',
  'definition.fr': 'definitionFr',
  'definition.en': 'definitionEn',
  newVersion: 'validFrom',
  'newVersion.validFrom': 'validFrom',
  'newVersion.changeNote': 'changeNote',
};
const SAME_NAME: readonly string[] = Object.keys(DefinitionValues.shape);

/** Where a contract path (the form's check or the server's refusal) is shown: its field, else the form. */
export function definitionFieldOf(path: string): keyof DefinitionDraft | 'root' {
  if (SAME_NAME.includes(path)) return path as keyof DefinitionDraft;
  return FORM_FIELD[path] ?? 'root';
}

export type DefinitionSave =
  | { kind: 'create'; input: KpiDefinitionInput }
  | { kind: 'patch'; patch: KpiDefinitionPatch }
  | { kind: 'unchanged' };

/** The form's resolver: a new indicator through `buildCreate`, an edit through `buildPatch`. */
export function definitionSchema(kpi: KpiDefinition | null) {
  return DefinitionValues.transform((draft, issues): DefinitionSave => {
    const built = kpi ? buildPatch(kpi, draft) : buildCreate(draft);
    if (built.ok === 'unchanged') return { kind: 'unchanged' };
    if (built.ok)
      return 'input' in built
        ? { kind: 'create', input: built.input }
        : { kind: 'patch', patch: built.patch };
    for (const [path, code] of Object.entries(built.errors))
      issues.addIssue({ code: 'custom', path: [definitionFieldOf(path)], message: code });
    return z.NEVER;
  });
}
