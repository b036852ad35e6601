import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '@domain/contract/heatmap';
import { demo } from '@tests/support/mock-api';
import { formatPeriod } from '@/lib/format';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { signIn } from './support/session';

const text = fr.heatmap;
const programme = demo.programmes[0]!;

/** The heatmap the screen shows, read from the same API as the screen reads it. */
async function served(period: string): Promise<Heatmap> {
  const url = `http://jalon.test/api/v1/programmes/${programme.id}/heatmap?period=${period}`;
  return (await (await fetch(url)).json()) as Heatmap;
}

const grid = () =>
  screen.getByRole('table', { name: new RegExp(`^${text.caption.split(' —')[0]}`) });
const periodSelect = () => screen.getByRole('combobox', { name: text.period });
const params = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);

async function openHeatmap(query = '', locale: 'fr' | 'en' = 'fr') {
  const view = renderRoute(`/heatmap${query}`, { locale });
  await screen.findByRole('heading', { level: 1, name: (locale === 'fr' ? fr : en).heatmap.title });
  return view;
}

describe('portfolio heatmap', () => {
  it('shows a row per consortium and a column per KPI, each cell a link with its status in words', async () => {
    await signIn('manager');
    const { router } = await openHeatmap();
    const period = periodSelect() as HTMLSelectElement;
    const heatmap = await served(period.value);
    const rows = within(grid()).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      heatmap.consortia.map((c) => c.name),
    );
    const headers = within(grid()).getAllByRole('columnheader').slice(1);
    expect(headers.map((h) => h.textContent)).toEqual(heatmap.kpis.map((k) => k.code));

    const cell = heatmap.cells.find((c) => c.status !== null)!;
    const row = rows[heatmap.consortia.findIndex((c) => c.id === cell.consortiumId)]!;
    const column = heatmap.kpis.findIndex((k) => k.id === cell.kpiId) + 1;
    const td = within(row).getAllByRole('cell')[column - 1]!;
    const link = within(td).getByRole('link');
    expect(link).toHaveAttribute('href', `/consortia/${cell.consortiumId}/kpis/${cell.kpiId}`);
    expect(link).toHaveTextContent(fr.kpiStatus[cell.status!]);
    expect(params(router).get('period')).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('moves between cells with the arrow keys, as in a spreadsheet', async () => {
    await signIn('manager');
    const { user } = await openHeatmap();
    const linked = (td: HTMLElement | undefined) => td?.querySelector('a') ?? null;
    const firstRow = within(grid()).getAllByRole('row')[1]!;
    const cells = within(firstRow).getAllByRole('cell');
    const from = cells.findIndex((td, i) => linked(td) && linked(cells[i + 1]));
    expect(from).toBeGreaterThanOrEqual(0);
    const link = linked(cells[from])!;
    link.focus();
    await user.keyboard('{ArrowRight}');
    expect(linked(cells[from + 1])).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(link).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(link).toHaveFocus();
  });

  it('keeps the period and the table view in the URL', async () => {
    await signIn('manager');
    const { user, router } = await openHeatmap();
    const options = within(periodSelect()).getAllByRole<HTMLOptionElement>('option');
    expect(options.length).toBeGreaterThan(1);
    const other = options.find((o) => !o.selected)!;
    await user.selectOptions(periodSelect(), other.value);
    await waitFor(() => expect(params(router).get('period')).toBe(other.value));
    expect(
      await screen.findByText(
        fr.heatmap.caption.replace('{{period}}', formatPeriod(other.value, 'fr')),
        { exact: false },
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: text.asTable }));
    expect(params(router).get('view')).toBe('table');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: text.asTable })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('opens a shared link on the period and view it names', async () => {
    await signIn('manager');
    const first = await openHeatmap();
    const options = within(periodSelect()).getAllByRole<HTMLOptionElement>('option');
    const other = options.find((o) => !o.selected)!.value;
    first.unmount();
    await openHeatmap(`?period=${other}&view=table`);
    expect(periodSelect()).toHaveValue(other);
    expect(screen.getByRole('button', { name: text.asTable })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const caption = fr.heatmap.caption.replace('{{period}}', formatPeriod(other, 'fr'));
    expect(screen.getByText(caption, { exact: false })).toBeInTheDocument();
  });

  it('hides small counts from the observer: the cell says so instead of showing a number', async () => {
    await signIn('observer');
    const { user } = await openHeatmap();
    const periods = within(periodSelect())
      .getAllByRole<HTMLOptionElement>('option')
      .map((o) => o.value);
    let checked = 0;
    for (const period of periods) {
      const hidden = (await served(period)).cells.filter((c) => c.suppressed);
      if (hidden.length === 0) continue;
      await user.selectOptions(periodSelect(), period);
      const caption = fr.heatmap.caption.replace('{{period}}', formatPeriod(period, 'fr'));
      await screen.findByText(caption, { exact: false });
      expect(hidden.every((c) => c.value === null && c.target === null)).toBe(true);
      expect(within(grid()).getAllByText(text.hidden)).toHaveLength(hidden.length);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reads in English when the user chose English', async () => {
    await signIn('manager');
    await openHeatmap('', 'en');
    expect(screen.getByRole('combobox', { name: en.heatmap.period })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en.heatmap.asTable })).toBeInTheDocument();
  });
});
