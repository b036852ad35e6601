import { currentValues } from '@domain/demo/dataset';
import { buildPortfolio } from '@domain/rules/summaries';
import type { Portfolio } from '@domain/contract/portfolio';
import { mockStore } from '@mocks/node';

/**
 * What the portfolio should say, computed from the mocks' dataset with the domain's own rules,
 * so the tests follow the demo data instead of hard-coding its numbers.
 */
export function expectedPortfolio(): Portfolio {
  const data = mockStore.data;
  const programme = data.programmes[0];
  if (!programme) throw new Error('the demo dataset has no programme');
  return buildPortfolio({
    programme,
    consortia: data.consortia,
    milestones: data.milestones,
    kpis: data.kpis,
    settings: data.consortiumKpis,
    values: currentValues(data.kpiValues),
    today: mockStore.today(),
  });
}

export function demoConsortium(index = 0) {
  const consortium = mockStore.data.consortia[index];
  if (!consortium) throw new Error(`the demo dataset has no consortium #${index}`);
  return consortium;
}
