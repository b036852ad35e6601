import type { Consortium } from '../contract/consortium';
import type { KpiDefinition } from '../contract/kpi';
import { Phase, type Milestone } from '../contract/milestone';
import type { ReportingPeriod } from '../contract/reporting';
import { comparePeriods } from './periods';

/**
 * The order of every list the API returns and the UI shows, in one place so the server (on any
 * database collation), the mocks and the screens agree. Text compares by UTF-16 code unit, never
 * by locale: PostgreSQL's collation and the browser's locale would each order `PRO_ACT` and
 * `PROB` their own way.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMBERED = /^([A-Z]+)(\d+)$/;

/** Digit strings by value, without Number's loss past 2^53: fewer significant digits is smaller. */
function compareNumerals(a: string, b: string): number {
  const sa = a.replace(/^0+(?=\d)/, '');
  const sb = b.replace(/^0+(?=\d)/, '');
  return sa.length - sb.length || compareText(sa, sb);
}

/**
 * Milestone codes: letters then a number (J0, J1, J2 … J10, J11) by prefix, then as a number;
 * any other code (DPIA_1, GO-LIVE) after them, by text.
 */
export function compareMilestoneCodes(a: string, b: string): number {
  const na = NUMBERED.exec(a);
  const nb = NUMBERED.exec(b);
  if (na && nb) {
    return compareText(na[1]!, nb[1]!) || compareNumerals(na[2]!, nb[2]!) || compareText(a, b);
  }
  if (na) return -1;
  if (nb) return 1;
  return compareText(a, b);
}

/**
 * Plan order: milestones carry no position of their own, but each has a phase and the phases are
 * the template's sequence (Phase.options), so a plan reads as the trial unfolds. Within a phase,
 * by code; the id only separates milestones of different consortia that share a code.
 */
export function compareMilestones(
  a: Pick<Milestone, 'phase' | 'code' | 'id'>,
  b: Pick<Milestone, 'phase' | 'code' | 'id'>,
): number {
  return (
    Phase.options.indexOf(a.phase) - Phase.options.indexOf(b.phase) ||
    compareMilestoneCodes(a.code, b.code) ||
    compareText(a.id, b.id)
  );
}

/** Consortia by code (A, B, C), unique within a programme; the id separates programmes. */
export function compareConsortia(
  a: Pick<Consortium, 'code' | 'id'>,
  b: Pick<Consortium, 'code' | 'id'>,
): number {
  return compareText(a.code, b.code) || compareText(a.id, b.id);
}

/** KPIs by code, unique within a programme; the id separates programmes. */
export function compareKpis(
  a: Pick<KpiDefinition, 'code' | 'id'>,
  b: Pick<KpiDefinition, 'code' | 'id'>,
): number {
  return compareText(a.code, b.code) || compareText(a.id, b.id);
}

/** Reporting periods in time, oldest first (2026-09 before 2026-10, whatever the frequency). */
export function compareReportingPeriods(
  a: Pick<ReportingPeriod, 'period' | 'id'>,
  b: Pick<ReportingPeriod, 'period' | 'id'>,
): number {
  return comparePeriods(a.period, b.period) || compareText(a.id, b.id);
}
