import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition, KpiDefinitionInput, KpiUnit } from '../contract/kpi';
import { KpiDefinitionPatch } from '../contract/kpi';
import { Problem } from '../problems';
import {
  applyKpiPatch,
  createKpiDefinition,
  latestVersion,
  measureIssues,
  type KpiMeasure,
} from './kpi-catalogue';
import type { MutationContext } from './mutations';

const NOW = '2026-03-02T10:00:00.000Z';
const ctx: MutationContext = {
  actor: { id: 'u1', name: 'Manager' },
  now: NOW,
  newId: () => 'k-new',
};

const INPUT: KpiDefinitionInput = {
  code: 'VISITES',
  name: { fr: 'Visites', en: 'Visits' },
  definition: { fr: 'Visites réalisées', en: 'Visits made' },
  unit: 'count',
  ratePer: null,
  direction: 'higher',
  aggregation: 'flow',
  frequency: 'monthly',
  decimals: 0,
  sourceType: 'vendor_log',
  reportingLagMonths: 0,
  validFrom: '2025-01',
};
const KPI: KpiDefinition = createKpiDefinition('tsn', INPUT, [], ctx);

/** The Problem a call throws, for asserting status, code and named fields. */
function thrown(fn: () => unknown): { status: number; code: string; fields: string[] } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const issues = (e.details as { issues: { field: string }[] }).issues;
    return { status: e.status, code: e.code, fields: issues.map((i) => i.field) };
  }
  throw new Error('expected a Problem');
}
const fieldsOf = (m: KpiMeasure) => measureIssues(m).map((i) => i.field);

describe('measureIssues (unit × rate base × aggregation × decimals)', () => {
  const base: KpiMeasure = { ...INPUT };
  it('accepts the catalogue shapes of the domain brief', () => {
    expect(fieldsOf(base)).toEqual([]);
    expect(fieldsOf({ ...base, unit: 'percent', aggregation: 'rate', decimals: 1 })).toEqual([]);
    expect(fieldsOf({ ...base, unit: 'percent', aggregation: 'stock', decimals: 1 })).toEqual([]);
    expect(
      fieldsOf({ ...base, unit: 'rate', ratePer: 100, aggregation: 'rate', decimals: 1 }),
    ).toEqual([]);
    // JOURS: days per person, a ratio without a base.
    expect(fieldsOf({ ...base, unit: 'days', aggregation: 'rate', decimals: 1 })).toEqual([]);
    expect(fieldsOf({ ...base, unit: 'score', aggregation: 'stock' })).toEqual([]);
  });

  it('names the field that breaks the combination', () => {
    expect(fieldsOf({ ...base, unit: 'rate', aggregation: 'rate', decimals: 1 })).toEqual([
      'ratePer',
    ]);
    expect(
      fieldsOf({ ...base, unit: 'rate', ratePer: 100, aggregation: 'stock', decimals: 1 }),
    ).toEqual(['aggregation']);
    expect(fieldsOf({ ...base, unit: 'percent', ratePer: 100, decimals: 1 })).toEqual(['ratePer']);
    expect(fieldsOf({ ...base, aggregation: 'rate' })).toEqual(['aggregation']);
    expect(fieldsOf({ ...base, unit: 'score', aggregation: 'rate' })).toEqual(['aggregation']);
    expect(fieldsOf({ ...base, decimals: 1 })).toEqual(['decimals']);
  });

  it('property: a rate base is required exactly for "rate per N"', () => {
    const unit = fc.constantFrom<KpiUnit>(
      'count',
      'percent',
      'days',
      'rate',
      'score',
      'eur',
      'minutes',
    );
    fc.assert(
      fc.property(unit, fc.option(fc.integer({ min: 1, max: 1000 })), (u, ratePer) => {
        const m: KpiMeasure = { ...base, unit: u, ratePer, aggregation: 'rate', decimals: 1 };
        const named = fieldsOf(m).includes('ratePer');
        expect(named).toBe((u === 'rate') !== (ratePer !== null));
      }),
    );
  });
});

describe('createKpiDefinition', () => {
  it('creates version 1 from validFrom', () => {
    expect(KPI).toMatchObject({
      id: 'k-new',
      programmeId: 'tsn',
      code: 'VISITES',
      version: 1,
      updatedAt: NOW,
      definitionVersions: [{ version: 1, validFrom: '2025-01', changeNote: '' }],
    });
    expect(KPI).not.toHaveProperty('validFrom');
  });

  it('refuses a taken code with 409 naming code', () => {
    expect(thrown(() => createKpiDefinition('tsn', INPUT, ['PPS', 'VISITES'], ctx))).toEqual({
      status: 409,
      code: 'conflict',
      fields: ['code'],
    });
  });

  it('refuses incoherent units and a validFrom of another frequency with 400', () => {
    expect(
      thrown(() =>
        createKpiDefinition('tsn', { ...INPUT, decimals: 2, validFrom: '2025' }, [], ctx),
      ),
    ).toEqual({
      status: 400,
      code: 'validation_failed',
      fields: ['decimals', 'validFrom'],
    });
  });
});

describe('applyKpiPatch', () => {
  const v2 = { validFrom: '2025-09', changeNote: 'Visites validées par le médecin' };
  const patch = (p: unknown) => KpiDefinitionPatch.parse(p);

  it('edits names, decimals, source and lag in place', () => {
    const { kpi, opened } = applyKpiPatch(
      KPI,
      patch({ name: { fr: 'V', en: 'V' }, reportingLagMonths: 2 }),
      ctx,
    );
    expect(opened).toBeNull();
    expect(kpi).toMatchObject({ name: { fr: 'V', en: 'V' }, reportingLagMonths: 2, version: 2 });
    expect(kpi.definitionVersions).toEqual(KPI.definitionVersions);
  });

  it('keeps what an edit leaves out, such as the base of a rate', () => {
    const rate = createKpiDefinition(
      'tsn',
      { ...INPUT, unit: 'rate', ratePer: 100, aggregation: 'rate', decimals: 1 },
      [],
      ctx,
    );
    const { kpi } = applyKpiPatch(rate, patch({ name: { fr: 'R', en: 'R' } }), ctx);
    expect(kpi.ratePer).toBe(100);
  });

  it('does not ask for a version when a versioned field is sent unchanged', () => {
    const { opened } = applyKpiPatch(
      KPI,
      patch({ unit: 'count', definition: KPI.definition }),
      ctx,
    );
    expect(opened).toBeNull();
  });

  it.each([
    [{ definition: { fr: 'Autre', en: 'Other' } }],
    [{ direction: 'lower' }],
    [{ frequency: 'quarterly' }],
    [{ aggregation: 'stock' }],
    [{ unit: 'minutes' }],
  ])('needs newVersion to change %o (422)', (p) => {
    expect(thrown(() => applyKpiPatch(KPI, patch(p), ctx))).toEqual({
      status: 422,
      code: 'rule_violated',
      fields: ['newVersion'],
    });
  });

  it('appends the new version and keeps the earlier ones', () => {
    const { kpi, opened } = applyKpiPatch(KPI, patch({ direction: 'lower', newVersion: v2 }), ctx);
    expect(opened).toEqual({ version: 2, ...v2 });
    expect(kpi.definitionVersions).toEqual([...KPI.definitionVersions, { version: 2, ...v2 }]);
    expect(latestVersion(kpi.definitionVersions).version).toBe(2);
  });

  it('refuses a new version that does not start after the latest, or of another frequency', () => {
    for (const validFrom of ['2025-01', '2024-12', '2025-Q3']) {
      expect(
        thrown(() =>
          applyKpiPatch(KPI, patch({ direction: 'lower', newVersion: { ...v2, validFrom } }), ctx),
        ).fields,
      ).toEqual(['newVersion.validFrom']);
    }
    // A change of frequency: the new version starts at a period of the new frequency.
    const q = applyKpiPatch(
      KPI,
      patch({ frequency: 'quarterly', newVersion: { ...v2, validFrom: '2025-Q4' } }),
      ctx,
    );
    expect(q.kpi.frequency).toBe('quarterly');
  });

  it('refuses a new version without a change of what is measured', () => {
    expect(
      thrown(() => applyKpiPatch(KPI, patch({ decimals: 0, newVersion: v2 }), ctx)).fields,
    ).toEqual(['newVersion']);
  });

  it('checks the edited measure as a whole (400)', () => {
    expect(
      thrown(() =>
        applyKpiPatch(KPI, patch({ unit: 'rate', aggregation: 'rate', newVersion: v2 }), ctx),
      ),
    ).toMatchObject({ status: 400, fields: ['ratePer'] });
  });
});
