import { describe, expect, it } from 'vitest';
import { mailMessages } from '@/locales/mail';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';

/*
 * Both languages are complete and read as sentences: every key exists in French and English
 * (plural forms aside, which each language has its own of), and no message assembles a plural
 * by hand as "jalon(s)" or "attendue(s)": i18next's _one/_other forms say it properly.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keysOf(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function valuesOf(messages: unknown): [string, string][] {
  return keysOf(messages).map((key) => [
    key,
    String(key.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], messages)),
  ]);
}

const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))].sort();

// The screens' messages and the e-mails' (a namespace only the server loads) obey the same rules.
const CATALOGUES = [
  ['screens', { fr, en }],
  ['mail', mailMessages],
] as const;

describe.each(CATALOGUES)('the %s catalogues', (_, { fr, en }) => {
  it('have the same keys in French and English', () => {
    const french = base(keysOf(fr));
    const english = base(keysOf(en));
    expect(french.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !french.includes(k))).toEqual([]);
  });

  it.each([
    ['fr', fr],
    ['en', en],
  ] as const)('in %s, assemble no plural by hand and leave no message empty', (_, messages) => {
    const values = valuesOf(messages);
    expect(values.filter(([, v]) => /\w\((s|e|es)\)/.test(v))).toEqual([]);
    expect(values.filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});
