import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, classifyApiError } from '@/api/errors';

const Row = z.object({ id: z.string(), version: z.number() });
const http = (status: number, details?: unknown) =>
  new ApiError('http', status, null, 'refused', details);
const fieldOf = (f: string) => (f === 'name' || f === 'budgetEur' ? f : null);

describe('classifyApiError', () => {
  it('gives the stored row of a 412 to the conflict panel', () => {
    const current = { id: 'c1', version: 4 };
    expect(classifyApiError(http(412, { current }), { current: Row })).toEqual({
      kind: 'conflict',
      current,
    });
  });

  it('calls a 412 without a readable row stale', () => {
    expect(classifyApiError(http(412, { current: { id: 1 } }), { current: Row })).toMatchObject({
      kind: 'general',
      reason: 'stale',
    });
    expect(classifyApiError(http(412, {}))).toMatchObject({ reason: 'stale' });
  });

  it('maps the fields the server names to the form, first rule per field, others dropped', () => {
    const details = {
      issues: [
        { field: 'budgetEur', code: 'too_small' },
        { field: 'budgetEur', code: 'invalid_type' },
        { field: 'secret', code: 'too_big' },
        { field: 'name', code: 'too_big' },
      ],
    };
    expect(classifyApiError(http(422, details), { fieldOf })).toEqual({
      kind: 'fields',
      fields: [
        { field: 'budgetEur', code: 'too_small' },
        { field: 'name', code: 'too_big' },
      ],
    });
    // Nothing the form shows: a general refusal instead of an empty list.
    expect(
      classifyApiError(http(400, { issues: [{ field: 'secret', code: 'x' }] }), { fieldOf }),
    ).toMatchObject({ kind: 'general', reason: 'invalid' });
  });

  it('says what else went wrong in general terms', () => {
    const reason = (error: unknown) => {
      const problem = classifyApiError(error);
      return problem.kind === 'general' ? problem.reason : problem.kind;
    };
    expect(reason(new ApiError('network', 0, null, 'offline'))).toBe('network');
    expect(reason(new ApiError('unexpected_response', 200, null, 'odd'))).toBe('server');
    expect(reason(http(403))).toBe('forbidden');
    expect(reason(http(404))).toBe('notFound');
    expect(reason(http(409))).toBe('invalid');
    expect(reason(http(503))).toBe('server');
    expect(reason(new Error('bug'))).toBe('server');
  });
});
