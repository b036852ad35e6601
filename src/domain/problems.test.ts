import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorBody } from './contract/common';
import { MilestonePatch } from './contract/milestone';
import {
  etagOf,
  fieldIssues,
  invalid,
  notFound,
  parseIfMatch,
  preconditionFailed,
  preconditionRequired,
  Problem,
} from './problems';

function zodError(schema: z.ZodType, input: unknown): z.ZodError {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be invalid');
  return r.error;
}

describe('parseIfMatch', () => {
  it.each([
    ['"7"', 7],
    ['W/"7"', 7],
    ['7', 7],
    [' "12" ', 12],
    ['"0"', 0],
    ['"123456789"', 123456789],
  ])('reads %j as %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([
    null,
    undefined,
    '',
    '   ',
    '*',
    'abc',
    '"abc"',
    '"7',
    '7"',
    '"7", "8"',
    '-1',
    '1.5',
    '"1e3"',
    '"1234567890"',
    'w/"7"',
    'W/ "7"',
    '"7"x',
  ])('rejects %j', (header) => {
    expect(parseIfMatch(header)).toBeNull();
  });

  it('round-trips etagOf, strong and weak', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(etagOf(n)).toBe(`"${n}"`);
        expect(parseIfMatch(etagOf(n))).toBe(n);
        expect(parseIfMatch(`W/${etagOf(n)}`)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts a header containing letters other than the W/ prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        fc.pre(/[A-Za-z]/.test(s.replace(/^\s*W\//, '')));
        expect(parseIfMatch(s)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('Problem', () => {
  it('is an Error with a status, a code and details', () => {
    const p = new Problem(422, 'rule_violated', 'locked', { issues: [] });
    expect(p).toBeInstanceOf(Error);
    expect(p.name).toBe('Problem');
    expect(p.status).toBe(422);
    expect(p.message).toBe('locked');
  });

  it('serialises to the API error body', () => {
    const body = new Problem(422, 'rule_violated', 'locked', {
      issues: [{ field: 'period' }],
    }).toBody();
    expect(body).toEqual({
      error: {
        code: 'rule_violated',
        message: 'locked',
        details: { issues: [{ field: 'period' }] },
      },
    });
    expect(ApiErrorBody.parse(body)).toEqual(body);
  });

  it('omits details when there are none', () => {
    const body = notFound('Milestone').toBody();
    expect(body).toEqual({ error: { code: 'not_found', message: 'Milestone not found' } });
    expect(Object.keys(body.error)).toEqual(['code', 'message']);
    expect(ApiErrorBody.safeParse(body).success).toBe(true);
  });

  it('builds the concurrency problems', () => {
    expect(preconditionRequired()).toMatchObject({ status: 428, code: 'precondition_required' });
    const stale = preconditionFailed({ version: 9 });
    expect(stale).toMatchObject({ status: 412, code: 'precondition_failed' });
    expect(stale.toBody().error.details).toEqual({ current: { version: 9 } });
    expect(ApiErrorBody.safeParse(stale.toBody()).success).toBe(true);
  });
});

describe('invalid', () => {
  it('names the offending fields, including unknown keys', () => {
    const p = invalid('body', zodError(MilestonePatch, { progress: 150, foo: 1 }));
    expect(p.status).toBe(400);
    expect(p.code).toBe('validation_failed');
    expect(p.message).toBe('Invalid body: progress, foo');
    const { issues } = p.details as { issues: { field: string; code: string }[] };
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['progress', 'too_big'],
      ['foo', 'unrecognized_keys'],
    ]);
    expect(ApiErrorBody.safeParse(p.toBody()).success).toBe(true);
  });

  it('names the field of a refinement with a path', () => {
    const p = invalid('body', zodError(MilestonePatch, { forecastDate: '2025-03-01' }));
    expect(p.message).toBe('Invalid body: reason');
  });

  it('falls back to the first message when no field is named', () => {
    const p = invalid('body', zodError(MilestonePatch, {}));
    expect(p.message).toBe('Invalid body: at least one field is required');
  });

  it('joins nested paths with dots and says where', () => {
    const schema = z.strictObject({ title: z.strictObject({ fr: z.string().min(1) }) });
    const err = zodError(schema, { title: { fr: '' } });
    expect(fieldIssues(err)[0]!.field).toBe('title.fr');
    expect(invalid('query', err).message).toBe('Invalid query: title.fr');
  });
});
