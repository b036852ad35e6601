import type { Period } from '../contract/common';
import type {
  DefinitionVersion,
  KpiDefinition,
  KpiDefinitionInput,
  KpiDefinitionPatch,
} from '../contract/kpi';
import { Problem, type FieldIssue } from '../problems';
import type { MutationContext } from './mutations';
import { frequencyOf, startMonthOrdinal } from './periods';

/** The fields that say how a KPI is measured, whose coherence is checked together. */
export type KpiMeasure = Pick<
  KpiDefinition,
  'unit' | 'ratePer' | 'aggregation' | 'decimals' | 'direction' | 'frequency'
>;

/**
 * Changing any of these changes what the numbers mean: values entered before cannot be compared
 * with values entered after, so the edit must open a new definition version (chart break).
 */
export const VERSIONED_FIELDS = [
  'definition',
  'unit',
  'ratePer',
  'aggregation',
  'direction',
  'frequency',
] as const satisfies readonly (keyof KpiDefinition)[];

const issue = (field: string, code: string, message: string): FieldIssue => ({
  field,
  code,
  message,
});

/**
 * Unit, rate base and aggregation must describe one way of measuring (domain brief §6.2): a
 * "rate per N" has its N and is computed from a numerator and a denominator; a percentage is per
 * 100 already; a count is whole and is never a ratio; a score is a mean, not a ratio.
 */
export function measureIssues(m: KpiMeasure): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (m.unit === 'rate') {
    if (m.ratePer === null)
      issues.push(issue('ratePer', 'rate_per_required', 'a rate needs its base, e.g. per 100'));
    if (m.aggregation !== 'rate')
      issues.push(issue('aggregation', 'rate_needs_fraction', 'a rate is computed from n / d'));
  } else if (m.ratePer !== null) {
    issues.push(issue('ratePer', 'rate_per_not_allowed', 'only a "rate per N" has a base'));
  }
  if ((m.unit === 'count' || m.unit === 'score') && m.aggregation === 'rate')
    issues.push(issue('aggregation', 'not_a_ratio', `a ${m.unit} is not computed from n / d`));
  if (m.unit === 'count' && m.decimals !== 0)
    issues.push(issue('decimals', 'count_is_whole', 'a count has no decimals'));
  return issues;
}

const invalidBody = (issues: FieldIssue[]) =>
  new Problem(
    400,
    'validation_failed',
    `Invalid body: ${[...new Set(issues.map((i) => i.field))].join(', ')}`,
    { issues },
  );

const ruleViolated = (message: string, issues: FieldIssue[]) =>
  new Problem(422, 'rule_violated', message, { issues });

/** A new catalogue entry; its code must be free in the programme (409 naming `code`). */
export function createKpiDefinition(
  programmeId: string,
  input: KpiDefinitionInput,
  takenCodes: readonly string[],
  ctx: MutationContext,
): KpiDefinition {
  if (takenCodes.includes(input.code)) {
    throw new Problem(409, 'conflict', `The programme already has a KPI coded ${input.code}`, {
      issues: [issue('code', 'duplicate', 'already used in this programme')],
    });
  }
  const issues = measureIssues({ ...input, ratePer: input.ratePer ?? null });
  if (frequencyOf(input.validFrom) !== input.frequency)
    issues.push(issue('validFrom', 'wrong_frequency', `expected a ${input.frequency} period`));
  if (issues.length > 0) throw invalidBody(issues);
  const { validFrom, ...fields } = input;
  return {
    id: ctx.newId(),
    programmeId,
    ...fields,
    ratePer: fields.ratePer ?? null,
    definitionVersions: [{ version: 1, validFrom, changeNote: '' }],
    version: 1,
    updatedAt: ctx.now,
  };
}

export const latestVersion = (versions: readonly DefinitionVersion[]): DefinitionVersion =>
  versions.reduce((a, b) => (b.version > a.version ? b : a));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an edit really changes among those that need a new version. */
export function versionedChanges(kpi: KpiDefinition, next: KpiDefinition): string[] {
  return VERSIONED_FIELDS.filter((f) => !same(kpi[f], next[f]));
}

export interface KpiEdit {
  kpi: KpiDefinition;
  /** The version the edit opened, when it changed what is measured. */
  opened: DefinitionVersion | null;
}

/**
 * A catalogue edit. Names, decimals, source and lag change in place; a change of what is
 * measured needs `newVersion` (422 naming it), starting after the latest version, at a period of
 * the (new) frequency. Values stay attached to the version they were entered under.
 */
export function applyKpiPatch(
  kpi: KpiDefinition,
  patch: KpiDefinitionPatch,
  ctx: MutationContext,
): KpiEdit {
  const { newVersion, ...fields } = patch;
  const next: KpiDefinition = { ...kpi, ...fields, version: kpi.version + 1, updatedAt: ctx.now };
  const incoherent = measureIssues(next);
  if (incoherent.length > 0) throw invalidBody(incoherent);
  const changed = versionedChanges(kpi, next);
  if (!newVersion) {
    if (changed.length === 0) return { kpi: next, opened: null };
    throw ruleViolated(`Changing ${changed.join(', ')} needs a new definition version`, [
      issue('newVersion', 'version_required', `give the period it applies from and why`),
    ]);
  }
  if (changed.length === 0) {
    throw ruleViolated('A new definition version needs a change of what is measured', [
      issue(
        'newVersion',
        'nothing_to_version',
        `only ${VERSIONED_FIELDS.join(', ')} are versioned`,
      ),
    ]);
  }
  const latest = latestVersion(kpi.definitionVersions);
  const issues = versionStartIssues(newVersion.validFrom, next.frequency, latest);
  if (issues.length > 0) throw ruleViolated('The new version cannot start at this period', issues);
  const opened: DefinitionVersion = {
    version: latest.version + 1,
    validFrom: newVersion.validFrom,
    changeNote: newVersion.changeNote,
  };
  return { kpi: { ...next, definitionVersions: [...kpi.definitionVersions, opened] }, opened };
}

function versionStartIssues(
  validFrom: Period,
  frequency: KpiDefinition['frequency'],
  latest: DefinitionVersion,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (frequencyOf(validFrom) !== frequency)
    issues.push(issue('newVersion.validFrom', 'wrong_frequency', `expected a ${frequency} period`));
  else if (startMonthOrdinal(validFrom) <= startMonthOrdinal(latest.validFrom))
    issues.push(
      issue(
        'newVersion.validFrom',
        'not_after_latest',
        `after ${latest.validFrom} (v${latest.version})`,
      ),
    );
  return issues;
}
