/**
 * What an audit entry records of a change: only the fields that changed, before and after
 * (unchanged ones would bury the change). Shared so the server and the mocks audit alike.
 */
export function auditDiff<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) === JSON.stringify(after[f])) continue;
    b[f] = before[f];
    a[f] = after[f];
  }
  return { before: b, after: a };
}

/** The audited fields of each kind of write. */
export const AUDITED_FIELDS = {
  programme: [
    'name',
    'funder',
    'description',
    'smallCountThreshold',
    'slippageToleranceDays',
    'leadsSetTargets',
  ],
  consortium: ['name', 'solution', 'description', 'territory', 'budgetEur'],
  milestone: ['progress', 'forecastDate', 'description'],
  milestoneTransition: ['status', 'actualDate', 'progress'],
  milestonePlan: ['status', 'approvedAt', 'approvedBy'],
  kpiValue: ['value', 'numerator', 'denominator', 'provisional', 'source', 'note', 'explanation'],
  kpi: [
    'name',
    'definition',
    'unit',
    'ratePer',
    'direction',
    'aggregation',
    'frequency',
    'decimals',
    'sourceType',
    'reportingLagMonths',
  ],
  consortiumKpi: ['baseline', 'targets', 'tolerance'],
} as const;
