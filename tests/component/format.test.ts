import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatEuros,
  formatNumber,
  formatPeriod,
  parseLocaleNumber,
} from '@/lib/format';

// Intl inserts narrow no-break spaces in French; compare with plain spaces for readability.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('format', () => {
  it('formats periods per locale', () => {
    expect(formatPeriod('2025-06', 'fr')).toBe('juin 2025');
    expect(formatPeriod('2025-06', 'en')).toBe('June 2025');
    expect(formatPeriod('2025-Q2', 'fr')).toBe('T2 2025');
    expect(formatPeriod('2025-Q2', 'en')).toBe('Q2 2025');
    expect(formatPeriod('2025', 'en')).toBe('2025');
  });

  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2026-03-01', 'fr', 'long')).toBe('1 mars 2026');
    expect(formatDate('2026-03-01', 'en', 'long')).toBe('1 March 2026');
  });

  it('formats KPI values with their unit and decimals', () => {
    const spec = (
      unit: Parameters<typeof formatNumber>[1]['unit'],
      decimals = 0,
      ratePer: number | null = null,
    ) => ({
      unit,
      decimals,
      ratePer,
    });
    expect(plain(formatNumber(45.5, spec('percent', 1), 'fr'))).toBe('45,5 %');
    expect(formatNumber(45.5, spec('percent', 1), 'en')).toBe('45.5%');
    expect(plain(formatNumber(3.5, spec('days', 1), 'fr'))).toBe('3,5 jours');
    expect(formatNumber(3.5, spec('days', 1), 'en')).toBe('3.5 days');
    expect(plain(formatNumber(1200, spec('eur'), 'fr'))).toBe('1 200 €');
    expect(formatNumber(1200, spec('eur'), 'en')).toBe('€1,200');
    expect(plain(formatNumber(12.4, spec('rate', 1, 1000), 'fr'))).toBe('12,4 / 1 000');
    expect(formatNumber(12.4, spec('rate', 1, 1), 'en')).toBe('12.4');
    expect(formatNumber(68, spec('score'), 'en')).toBe('68 / 100');
    expect(plain(formatNumber(1500, spec('count'), 'fr'))).toBe('1 500');
    expect(formatNumber(30, spec('minutes'), 'en')).toBe('30 minutes');
  });

  it('formats budgets in whole euros', () => {
    expect(plain(formatEuros(640000, 'fr'))).toBe('640 000 €');
    expect(formatEuros(640000, 'en')).toBe('€640,000');
  });
});

describe('parseLocaleNumber', () => {
  it('reads the French and the English decimal mark', () => {
    expect(parseLocaleNumber('12,5')).toBe(12.5);
    expect(parseLocaleNumber('12.5')).toBe(12.5);
    expect(parseLocaleNumber('-0,25')).toBe(-0.25);
    expect(parseLocaleNumber(',5')).toBe(0.5);
  });

  it('takes spaces, including the ones Intl writes in French, as thousands separators', () => {
    expect(parseLocaleNumber(' 1 200 ')).toBe(1200);
    expect(parseLocaleNumber('1\u202f200\u00a0000')).toBe(1200000);
  });

  it('says blank apart from wrong', () => {
    expect(parseLocaleNumber('')).toBeUndefined();
    expect(parseLocaleNumber('   ')).toBeUndefined();
    expect(parseLocaleNumber('abc')).toBe('invalid');
    expect(parseLocaleNumber('12,5,3')).toBe('invalid');
    expect(parseLocaleNumber('1.200,5')).toBe('invalid');
    expect(parseLocaleNumber('12abc')).toBe('invalid');
    expect(parseLocaleNumber('1e3')).toBe('invalid');
    expect(parseLocaleNumber('-')).toBe('invalid');
  });
});
