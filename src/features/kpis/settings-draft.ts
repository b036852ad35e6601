import type { FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { issueCode } from '@domain/contract/common';
import type { Consortium } from '@domain/contract/consortium';
import {
  ConsortiumKpiInput,
  Tolerance,
  type ConsortiumKpi,
  type KpiDefinition,
} from '@domain/contract/kpi';
import { consortiumKpiIssues } from '@domain/rules/kpi-settings';
import { parseLocaleNumber } from '@/lib/format';

/** The settings form as typed. Relative thresholds are typed in percent, stored as fractions. */
const SettingsValues = z.object({
  hasBaseline: z.boolean(),
  baselineValue: z.string(),
  baselinePeriod: z.string(),
  baselineSource: z.string(),
  targets: z.array(z.object({ period: z.string(), value: z.string() })),
  mode: Tolerance.shape.mode,
  amber: z.string(),
  red: z.string(),
});
export type SettingsDraft = z.infer<typeof SettingsValues>;

/** Contract paths ("baseline.value", "targets.2.period", "tolerance.red") → error code. */
export type SettingsErrors = Record<string, string>;

const PERCENT = 100;
const text = (n: number) => String(Math.round(n * 1e6) / 1e6);

export function settingsDraftOf(settings: ConsortiumKpi | null): SettingsDraft {
  const relative = settings?.tolerance.mode === 'relative';
  const threshold = (n: number | undefined) =>
    n === undefined ? '' : text(relative ? n * PERCENT : n);
  return {
    hasBaseline: Boolean(settings?.baseline),
    // Who may edit settings sees every count: a hidden baseline only reaches readers.
    baselineValue: settings?.baseline?.value == null ? '' : text(settings.baseline.value),
    baselinePeriod: settings?.baseline?.period ?? '',
    baselineSource: settings?.baseline?.source ?? '',
    targets: (settings?.targets ?? []).map((t) => ({ period: t.period, value: text(t.value) })),
    mode: settings?.tolerance.mode ?? 'absolute',
    amber: threshold(settings?.tolerance.amber),
    red: threshold(settings?.tolerance.red),
  };
}

/** People write quarters the French way too ("2026-T2"): both read as the contract's 2026-Q2. */
export const normalisePeriod = (s: string) =>
  s
    .trim()
    .toUpperCase()
    .replace(/-T([1-4])$/, '-Q$1');

type Built = { ok: true; input: ConsortiumKpiInput } | { ok: false; errors: SettingsErrors };

/**
 * The draft as the contract's input, checked by the contract's schema and then by the same rule
 * the server applies (`consortiumKpiIssues`), so the form names each wrong field before sending.
 */
export function buildSettings(
  draft: SettingsDraft,
  kpi: Pick<KpiDefinition, 'unit' | 'direction' | 'frequency'>,
  consortium: Pick<Consortium, 'startDate' | 'endDate'>,
): Built {
  const errors: SettingsErrors = {};
  const number = (path: string, raw: string, scale = 1): number => {
    const n = parseLocaleNumber(raw);
    if (n === undefined) errors[path] ??= 'required';
    else if (n === 'invalid') errors[path] ??= 'not_a_number';
    else return n / scale;
    return Number.NaN;
  };
  const scale = draft.mode === 'relative' ? PERCENT : 1;
  const candidate = {
    baseline: draft.hasBaseline
      ? {
          value: number('baseline.value', draft.baselineValue),
          period: normalisePeriod(draft.baselinePeriod),
          source: draft.baselineSource.trim(),
        }
      : null,
    targets: draft.targets.map((t, i) => ({
      period: normalisePeriod(t.period),
      value: number(`targets.${i}.value`, t.value),
    })),
    tolerance: {
      mode: draft.mode,
      amber: number('tolerance.amber', draft.amber, scale),
      red: number('tolerance.red', draft.red, scale),
    },
  };
  const parsed = ConsortiumKpiInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || 'targets';
      errors[path] ??= issue.code === 'invalid_format' ? 'invalid_period' : issueCode(issue);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  for (const issue of consortiumKpiIssues(kpi, consortium, parsed.data))
    errors[issue.field] ??= issue.code;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: parsed.data };
}

const FORM_FIELD: Record<string, keyof SettingsDraft> = {
  'baseline.value': 'baselineValue',
  'baseline.period': 'baselinePeriod',
  'baseline.source': 'baselineSource',
  'tolerance.mode': 'mode',
  'tolerance.amber': 'amber',
  'tolerance.red': 'red',
};
export type SettingsField = FieldPath<SettingsDraft> | 'root';

/**
 * Where a contract path (the form's own check, or the server's refusal) is shown: its field, the
 * target list for a rule about the whole list, else the form as a whole.
 */
export function settingsFieldOf(path: string): SettingsField {
  if (/^targets\.\d+\.(period|value)$/.test(path)) return path as SettingsField;
  // The contract's rule about the whole list (one target per period) has the list's path.
  if (path === 'targets' || path === '') return 'targets';
  return FORM_FIELD[path] ?? 'root';
}

/** The form's resolver: what was typed goes through `buildSettings`, out as the contract's input. */
export function settingsSchema(
  kpi: Pick<KpiDefinition, 'unit' | 'direction' | 'frequency'>,
  consortium: Pick<Consortium, 'startDate' | 'endDate'>,
) {
  return SettingsValues.transform((draft, issues) => {
    const built = buildSettings(draft, kpi, consortium);
    if (built.ok) return built.input;
    for (const [path, code] of Object.entries(built.errors))
      issues.addIssue({ code: 'custom', path: settingsFieldOf(path).split('.'), message: code });
    return z.NEVER;
  });
}
