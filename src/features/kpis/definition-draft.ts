import type { z } from 'zod';
import { issueCode } from '@domain/contract/common';
import {
  KpiDefinitionInput,
  KpiDefinitionPatch,
  type Aggregation,
  type Direction,
  type Frequency,
  type KpiDefinition,
  type KpiUnit,
  type SourceType,
} from '@domain/contract/kpi';
import { measureIssues, VERSIONED_FIELDS } from '@domain/rules/kpi-catalogue';
import { parseLocaleNumber } from '@/lib/format';
import { normalisePeriod } from './settings-draft';

/** The catalogue form as typed; numbers stay text until the save. */
export interface DefinitionDraft {
  code: string;
  nameFr: string;
  nameEn: string;
  definitionFr: string;
  definitionEn: string;
  unit: KpiUnit;
  ratePer: string;
  direction: Direction;
  aggregation: Aggregation;
  frequency: Frequency;
  decimals: string;
  sourceType: SourceType;
  reportingLagMonths: string;
  /** Creation: the first period; an edit that changes the meaning: the new version's start. */
  validFrom: string;
  changeNote: string;
}

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
