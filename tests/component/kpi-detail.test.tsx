import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { settingsOf } from '@server/db/queries';
import { demo, mockApi } from '@tests/support/mock-api';
import { formatNumber, formatPeriod } from '@/lib/format';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { apiSeries, captureDownloads, squash, tableRows } from './support/charts';
import { patInc } from './support/kpi';
import { signIn, type DemoRole } from './support/session';

const text = fr.charts;

async function openDetail(
  role: DemoRole,
  consortiumId: string,
  kpiId: string,
  locale?: 'fr' | 'en',
) {
  await signIn(role);
  const kpi = demo.kpis.find((k) => k.id === kpiId)!;
  const view = renderRoute(`/consortia/${consortiumId}/kpis/${kpiId}`, { locale });
  await screen.findByRole('heading', { level: 1, name: kpi.name[locale ?? 'fr'] });
  return { ...view, kpi };
}

describe('KPI detail', () => {
  beforeEach(() => {
    captureDownloads();
  });

  it('draws values, target, baseline, bands, provisional points and the definition break', async () => {
    const { consortium, kpi } = patInc();
    const { container } = await openDetail('manager', consortium.id, kpi.id);
    const svg = container.querySelector('.chart-box svg.recharts-surface');
    expect(svg).not.toBeNull();
    // A version break (PAT_INC was redefined at M13) is a labelled line; the baseline has its label.
    expect(within(container.querySelector('.chart-box')!).getByText('v2')).toBeInTheDocument();
    expect(container.querySelector('.recharts-reference-line')).not.toBeNull();
    const legend = container.querySelector('.chart-legend') as HTMLElement;
    for (const label of [text.legend.final, text.legend.provisional, text.legend.target])
      expect(within(legend).getByText(label)).toBeInTheDocument();
    expect(within(legend).getByText(/^Référence \(/)).toBeInTheDocument();
    expect(within(legend).getByText(text.legend.break)).toBeInTheDocument();
    // Gaps are gaps: the value line never joins across a missing period.
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
  });

  it('shows the same numbers as the API in the table view, and in the CSV', async () => {
    const { consortium, kpi } = patInc();
    const downloads = captureDownloads();
    const { user, router } = await openDetail('manager', consortium.id, kpi.id);
    const { series } = await apiSeries(kpi.id, consortium.id);
    const points = series[0]!.points;
    expect(points.length).toBeGreaterThan(6);

    await user.click(screen.getByRole('button', { name: text.viewTable }));
    expect(router.state.location.search).toBe('?view=table');
    const rows = await tableRows(`${kpi.name.fr} — ${consortium.name}, en tableau`);
    for (const p of points) {
      const row = rows.get(formatPeriod(p.period, 'fr'))!;
      const cells = within(row).getAllByRole('cell');
      expect(squash(cells[0]!.textContent)).toBe(squash(formatNumber(p.value!, kpi, 'fr')));
      expect(squash(cells[1]!.textContent)).toBe(
        p.target === null ? fr.common.none : squash(formatNumber(p.target, kpi, 'fr')),
      );
      expect(cells[2]).toHaveTextContent(fr.kpiStatus[p.status!]);
      expect(cells[3]).toHaveTextContent(
        p.provisional ? fr.kpiEntry.provisional : fr.kpiEntry.final,
      );
      expect(cells[4]).toHaveTextContent(`v${p.definitionVersion}`);
    }

    await user.click(screen.getByRole('button', { name: text.download }));
    expect(downloads.files[0]!.name).toBe(`PAT_INC-${consortium.code}.csv`);
    const lines = (await downloads.text()).split('\r\n');
    expect(lines[0]).toBe(
      'Période,Valeur,Numérateur,Dénominateur,Cible,Statut,Qualité,Version de la définition',
    );
    for (const p of points) {
      expect(lines).toContain(
        [
          p.period,
          p.value,
          '',
          '',
          p.target ?? '',
          fr.kpiStatus[p.status!],
          p.provisional ? fr.kpiEntry.provisional : fr.kpiEntry.final,
          p.definitionVersion,
        ].join(','),
      );
    }

    await user.click(screen.getByRole('button', { name: text.viewChart }));
    await waitFor(() =>
      expect(screen.queryByRole('table', { name: /en tableau$/ })).not.toBeInTheDocument(),
    );
  });

  it('shows small counts as "< 10" to an observer, on screen and in the CSV, with n for rates', async () => {
    const consortium = demo.consortia.find((c) => c.code === 'C')!;
    const kpi = demo.kpis.find((k) => k.code === 'TRANSF_URG')!;
    const downloads = captureDownloads();
    const { user } = await openDetail('observer', consortium.id, kpi.id);
    const { series } = await apiSeries(kpi.id, consortium.id);
    const hidden = series[0]!.points.filter((p) => p.suppressed);
    const shown = series[0]!.points.find((p) => !p.suppressed)!;
    expect(hidden.length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: text.viewTable }));
    const rows = await tableRows(`${kpi.name.fr} — ${consortium.name}, en tableau`);
    for (const p of hidden) {
      const cells = within(rows.get(formatPeriod(p.period, 'fr'))!).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent('< 10');
      expect(cells[1]).toHaveTextContent('< 10');
    }
    const visible = within(rows.get(formatPeriod(shown.period, 'fr'))!).getAllByRole('cell');
    expect(squash(visible[1]!.textContent)).toBe(`${shown.numerator} / ${shown.denominator}`);

    await user.click(screen.getByRole('button', { name: text.download }));
    const csv = await downloads.text();
    for (const p of hidden) expect(csv).toContain(`\r\n${p.period},< 10,< 10,,`);
    expect(csv).toContain(
      `\r\n${shown.period},${shown.value},${shown.numerator},${shown.denominator},`,
    );
  });

  it('lets the manager set the trajectory and bands, naming a wrong field', async () => {
    const { consortium, kpi, settings } = patInc();
    const { user } = await openDetail('manager', consortium.id, kpi.id);
    const panel = screen.getByRole('region', { name: fr.kpiSettings.heading });
    await user.click(within(panel).getByRole('button', { name: fr.kpiSettings.edit }));
    const red = within(panel).getByRole('textbox', { name: /^Seuil rouge/ });
    await user.clear(red);
    await user.type(red, '5');
    await user.click(within(panel).getByRole('button', { name: fr.kpiSettings.save }));
    expect(red).toHaveAttribute('aria-invalid', 'true');
    expect(red).toHaveAccessibleDescription(fr.kpiSettings.errors.below_amber);
    expect(red).toHaveFocus();

    await user.clear(red);
    await user.type(red, '30');
    await user.click(within(panel).getByRole('button', { name: fr.kpiSettings.addTarget }));
    await user.type(
      within(panel).getByRole('textbox', { name: 'Période de la cible 3' }),
      '2026-09',
    );
    await user.type(within(panel).getByRole('textbox', { name: 'Valeur de la cible 3' }), '360');
    await user.click(within(panel).getByRole('button', { name: fr.kpiSettings.save }));
    await within(panel).findByText(fr.kpiSettings.saved);
    const stored = (await settingsOf(await mockApi.db(), [settings.consortiumId])).find(
      (s) => s.id === settings.id,
    )!;
    expect(stored.tolerance).toEqual({ mode: 'relative', amber: 0.1, red: 0.3 });
    expect(stored.targets.at(-1)).toEqual({ period: '2026-09', value: 360 });
    expect(stored.version).toBe(settings.version + 1);
    expect(within(panel).getByText(/septembre 2026 : 360/)).toBeInTheDocument();
  });

  it('lets a lead set targets only where the programme allows it', async () => {
    const { consortium, kpi } = patInc();
    const first = await openDetail('lead', consortium.id, kpi.id);
    const panel = screen.getByRole('region', { name: fr.kpiSettings.heading });
    expect(within(panel).queryByRole('button')).toBeNull();
    first.unmount();
    const db = await mockApi.db();
    await db.updateTable('programmes').set({ leadsSetTargets: true }).execute();
    await openDetail('lead', consortium.id, kpi.id);
    expect(
      within(screen.getByRole('region', { name: fr.kpiSettings.heading })).getByRole('button', {
        name: fr.kpiSettings.edit,
      }),
    ).toBeInTheDocument();
  });

  it('has no axe violations in chart and table views, in English too', async () => {
    const { consortium, kpi } = patInc();
    const { container, user } = await openDetail('manager', consortium.id, kpi.id, 'en');
    expect(screen.getByRole('button', { name: en.charts.viewTable })).toBeInTheDocument();
    expect(screen.getByText(en.charts.legend.provisional)).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: en.charts.viewTable }));
    await waitFor(() =>
      expect(
        screen.getByRole('table', { name: `${kpi.name.en} — ${consortium.name}, as a table` }),
      ).toBeVisible(),
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
