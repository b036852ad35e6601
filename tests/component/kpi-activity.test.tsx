import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentValues } from '@domain/rules/kpi-revisions';
import { comparePeriods } from '@domain/rules/periods';
import { formatNumber, formatPeriod } from '@/lib/format';
import { demo } from '@tests/support/mock-api';
import { renderRoute } from './render';
import { api } from './support/api';
import { signIn } from './support/session';

const ACTIVITY = /Journal d’activité du programme/;
const kpiOf = (code: string) => demo.kpis.find((k) => k.code === code)!;

describe('KPI entries in the activity trail', () => {
  beforeEach(() => signIn('manager'));

  it('names a value by its KPI code and period, and settings by their KPI code', async () => {
    const kpi = kpiOf('PAT_INC');
    const consortiumId = demo.consortia[0]!.id;
    const latest = currentValues(demo.kpiValues)
      .filter((v) => v.kpiId === kpi.id && v.consortiumId === consortiumId)
      .sort((a, b) => comparePeriods(a.period, b.period))
      .at(-1)!;
    const put = await api(
      'PUT',
      `/consortia/${consortiumId}/kpis/${kpi.id}/values/${latest.period}`,
      {
        value: latest.value! + 5,
        provisional: false,
        source: 'Journal',
        explanation: 'Rattrapage',
      },
      latest.version,
    );
    expect(put.status).toBe(200);
    const pps = kpiOf('PPS');
    const settings = demo.consortiumKpis.find(
      (s) => s.consortiumId === consortiumId && s.kpiId === pps.id,
    )!;
    const tolerance = { ...settings.tolerance, red: settings.tolerance.red + 1 };
    const targets = await api(
      'PUT',
      `/consortia/${consortiumId}/kpis/${pps.id}`,
      { baseline: settings.baseline, targets: settings.targets, tolerance },
      settings.version,
    );
    expect(targets.status).toBe(200);

    renderRoute('/activity');
    const table = await screen.findByRole('table', { name: ACTIVITY });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('a modifié la référence, les cibles ou les seuils de PPS');
    // The bands in words, never as the object they are stored as.
    expect(rows[0]).toHaveTextContent(/Seuils : orange à .+, rouge à .+ \(était orange à .+\)/);
    expect(rows[0]).not.toHaveTextContent(/[{}]/);
    const value = (n: number) => formatNumber(n, kpi, 'fr');
    expect(rows[1]).toHaveTextContent(
      `a corrigé PAT_INC pour ${formatPeriod(latest.period, 'fr')} : ${value(latest.value! + 5)} (était ${value(latest.value!)})`,
    );
    expect(rows[1]).toHaveTextContent('Explication : Rattrapage');
    expect(rows[1]).not.toHaveTextContent('kpiId');
  });
});
