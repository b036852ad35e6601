import type { AuditEntry } from '@domain/contract/reporting';
import type { NumberSpec } from '@/lib/format';
import { formatValue, type ValueContext } from './audit-values';

/* What every sentence builder shares: the context it reads and the ways it joins words. */

/** Names of the things entries point at, from data the screen has already loaded. */
export interface EntityNames {
  consortium: (id: string) => string | undefined;
  milestone: (id: string) => { code: string; title: string } | undefined;
  kpi: (id: string) => { name: string; code: string; spec: NumberSpec } | undefined;
  user: (id: string) => string | undefined;
}

/** An entry in words: one sentence, then each further change it made as a phrase of its own. */
export interface DescribedEntry {
  sentence: string;
  details: string[];
}

export interface SentenceContext extends ValueContext {
  entry: AuditEntry;
  names: EntityNames;
  /** The actor as the sentence names them: "Claire Martin (Gestionnaire)". */
  who: string;
}

export type Side = Record<string, unknown>;
export type Builder = (c: SentenceContext, before: Side, after: Side) => DescribedEntry;

export const isKey = <K extends string>(table: Record<K, unknown>, key: unknown): key is K =>
  typeof key === 'string' && key in table;
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const only = (sentence: string, details: string[] = []): DescribedEntry => ({
  sentence,
  details,
});

/** "(était 50)" after a sentence whose new value it completes, unless there is nothing to add. */
export const was = (
  c: SentenceContext,
  text: string,
  before: string | null,
  after: string | null,
) => (before === null || before === after ? text : c.t('audit.was', { text, before }));

/** A free text (comment, reason) the person wrote, quoted after the sentence. */
export const quoted = (c: SentenceContext, text: string, quote: unknown) => {
  const q = formatValue('comment', quote, c);
  return q === null ? text : c.t('audit.quoted', { text, quote: q });
};
