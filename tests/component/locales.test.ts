import { describe, expect, it } from 'vitest';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import enCore from '@/locales/en.json';
import enKpis from '@/locales/kpis.en.json';
import enMilestones from '@/locales/milestones.en.json';

/** Every leaf key as a dotted path, so a key missing in one language is named in the failure. */
function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function leafValues(node: unknown): unknown[] {
  if (typeof node !== 'object' || node === null) return [node];
  return Object.values(node).flatMap(leafValues);
}

describe('locales', () => {
  it('feature files own distinct top-level keys (the merge is shallow)', () => {
    const keys = [enCore, enMilestones, enKpis].flatMap((file) => Object.keys(file));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('French and English have exactly the same keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(fr).sort());
  });

  it('every message is a non-empty string', () => {
    for (const value of [...leafValues(fr), ...leafValues(en)]) {
      expect(typeof value).toBe('string');
      expect((value as string).trim()).not.toBe('');
    }
  });

  it('both languages use the same interpolation variables for each key', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const get = (root: unknown, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], root) as string;
    for (const key of leafKeys(fr)) {
      expect({ key, vars: vars(get(en, key)) }).toEqual({ key, vars: vars(get(fr, key)) });
    }
  });
});
