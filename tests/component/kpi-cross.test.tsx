import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demo } from '@tests/support/mock-api';
import { formatNumber, formatPeriod } from '@/lib/format';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { apiSeries, captureDownloads, squash, tableRows } from './support/charts';
import { signIn, type DemoRole } from './support/session';

const text = fr.charts;

function kpiByCode(code: string) {
  return demo.kpis.find((k) => k.code === code)!;
}

async function openCross(role: DemoRole, code: string, locale?: 'fr' | 'en') {
  await signIn(role);
  const kpi = kpiByCode(code);
  const view = renderRoute(`/kpis/${kpi.id}`, { locale });
  await screen.findByRole('heading', { level: 1, name: kpi.name[locale ?? 'fr'] });
  return { ...view, kpi };
}

describe('one KPI across consortia', () => {
  it('draws every consortium with its own target, and tables the same numbers as the API', async () => {
    const downloads = captureDownloads();
    const { user, container, kpi } = await openCross('manager', 'RH30');
    const { series } = await apiSeries(kpi.id);
    expect(series.length).toBeGreaterThan(1);
    const legend = container.querySelector('.chart-legend') as HTMLElement;
    for (const s of series) expect(within(legend).getByText(s.consortium.name)).toBeInTheDocument();
    expect(within(legend).getByText(text.legend.ownTarget)).toBeInTheDocument();
    // A value line and a target line per consortium.
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(series.length * 2);

    await user.click(screen.getByRole('button', { name: text.viewTable }));
    const rows = await tableRows(`${kpi.name.fr} dans chaque consortium, en tableau`);
    const points = series.flatMap((s) => s.points.map((p) => ({ name: s.consortium.name, p })));
    expect(rows.size).toBe(points.length);
    for (const { name, p } of points) {
      const row = rows.get(`${name} — ${formatPeriod(p.period, 'fr')}`)!;
      const cells = within(row).getAllByRole('cell');
      expect(squash(cells[0]!.textContent)).toBe(squash(formatNumber(p.value!, kpi, 'fr')));
      expect(squash(cells[1]!.textContent)).toBe(`${p.numerator} / ${p.denominator}`);
      expect(cells[3]).toHaveTextContent(fr.kpiStatus[p.status!]);
    }

    await user.click(screen.getByRole('button', { name: text.download }));
    expect(downloads.files[0]!.name).toBe('RH30-consortia.csv');
    const lines = (await downloads.text()).split('\r\n');
    expect(lines[0]).toBe(
      'Consortium,Période,Valeur,Numérateur,Dénominateur,Cible,Statut,Qualité,Version de la définition',
    );
    for (const { name, p } of points)
      expect(lines).toContain(
        [
          name,
          p.period,
          p.value,
          p.numerator,
          p.denominator,
          p.target ?? '',
          fr.kpiStatus[p.status!],
          p.provisional ? fr.kpiEntry.provisional : fr.kpiEntry.final,
          p.definitionVersion,
        ].join(','),
      );
  });

  it('shows a lead its own consortium only', async () => {
    const { container } = await openCross('lead', 'RH30');
    const legend = container.querySelector('.chart-legend') as HTMLElement;
    expect(within(legend).getByText('Coord@Dom')).toBeInTheDocument();
    expect(within(legend).queryByText('Sortie+')).not.toBeInTheDocument();
    expect(screen.getByText(/^1 consortium,/)).toBeInTheDocument();
  });

  it('hides small counts from an observer', async () => {
    const downloads = captureDownloads();
    const { user, kpi } = await openCross('observer', 'TRANSF_URG');
    const { series } = await apiSeries(kpi.id);
    const hidden = series.flatMap((s) =>
      s.points.filter((p) => p.suppressed).map((p) => ({ name: s.consortium.name, p })),
    );
    expect(hidden.length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: text.viewTable }));
    const rows = await tableRows(/en tableau$/);
    for (const { name, p } of hidden) {
      const row = rows.get(`${name} — ${formatPeriod(p.period, 'fr')}`)!;
      expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('< 10');
    }
    await user.click(screen.getByRole('button', { name: text.download }));
    const csv = await downloads.text();
    for (const { name, p } of hidden) expect(csv).toContain(`\r\n${name},${p.period},< 10,< 10,,`);
  });

  it('links each consortium to its detail and has no axe violations, in English too', async () => {
    const { container, kpi } = await openCross('manager', 'PAT_INC', 'en');
    expect(screen.getByRole('heading', { name: en.kpiCross.perConsortium })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Coord@Dom' })).toHaveAttribute(
      'href',
      `/consortia/coord-dom/kpis/${kpi.id}`,
    );
    expect(screen.getByText(en.charts.legend.ownTarget)).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });
});
