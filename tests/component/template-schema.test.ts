import { describe, expect, it } from 'vitest';
import { TEXT_INVALID_CHARACTER } from '@domain/contract/common';
import {
  emptyItem,
  formPathOf,
  templateForm,
  type ItemInput,
} from '@/features/milestones/template-schema';

const item = (change: Partial<ItemInput>): ItemInput => ({
  ...emptyItem('selection'),
  code: 'J1',
  titleFr: 'Sélection',
  titleEn: 'Selection',
  ...change,
});

/** The issues the form's schema raises, as path → message. */
function issuesOf(items: ItemInput[]) {
  const parsed = templateForm.safeParse({ items });
  return Object.fromEntries((parsed.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('the template form schema', () => {
  it('sends what the contract accepts, codes upper-cased and evidence one per line', () => {
    const parsed = templateForm.parse({
      items: [item({ code: ' j3 ', offsetMonths: ' 4 ', evidenceExpected: 'PV\n\n Rapport ' })],
    });
    expect(parsed.items[0]).toMatchObject({
      code: 'J3',
      offsetMonths: 4,
      evidenceExpected: ['PV', 'Rapport'],
    });
  });

  it("puts a broken rule on its phase's field, naming a forbidden character by its code", () => {
    expect(
      issuesOf([item({}), item({ code: 'J2', titleEn: 'Bad\u0000', offsetMonths: '1,5' })]),
    ).toEqual({
      'items.1.titleEn': TEXT_INVALID_CHARACTER,
      'items.1.offsetMonths': 'invalid_type',
    });
  });

  it('puts the problems of the list as a whole under root', () => {
    expect(issuesOf([])).toEqual({ 'root.empty': 'empty' });
    expect(issuesOf([item({}), item({})])).toEqual({ 'root.duplicateCodes': 'duplicateCodes' });
  });

  it("places the server's contract paths on the form's fields", () => {
    expect(formPathOf('items.3.title.en')).toBe('items.3.titleEn');
    expect(formPathOf('items.0.evidenceExpected.2')).toBe('items.0.evidenceExpected');
    expect(formPathOf('items.1.code')).toBe('items.1.code');
    expect(formPathOf('items')).toBeNull();
    expect(formPathOf('items.x.code')).toBeNull();
  });
});
