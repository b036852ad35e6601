import { currentValues } from '@domain/rules/kpi-revisions';
import { buildPortfolio } from '@domain/rules/summaries';
import type { Portfolio } from '@domain/contract/portfolio';
import { DEMO_TODAY } from '@tests/contract/target';
import { demo } from '@tests/support/mock-api';

/**
 * What the portfolio should say, computed from the seeded demo with the domain's own rules, so
 * the tests follow the demo data instead of hard-coding its numbers.
 */
export function expectedPortfolio(): Portfolio {
  const programme = demo.programmes[0];
  if (!programme) throw new Error('the demo dataset has no programme');
  return buildPortfolio({
    programme,
    consortia: demo.consortia.filter((c) => c.programmeId === programme.id),
    milestones: demo.milestones,
    kpis: demo.kpis,
    settings: demo.consortiumKpis,
    values: currentValues(demo.kpiValues),
    today: DEMO_TODAY,
    // The component tests read the portfolio as the demo manager, who sees every count.
    readerOf: () => ({ suppressSmallCounts: false, smallCountThreshold: 10 }),
  });
}

export function demoConsortium(index = 0) {
  const consortium = demo.consortia[index];
  if (!consortium) throw new Error(`the demo dataset has no consortium #${index}`);
  return consortium;
}
