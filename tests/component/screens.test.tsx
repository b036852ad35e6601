import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearReviewQueue, demo } from '@tests/support/mock-api';
import { fr } from '@/locales/messages-fr';
import { formatPeriod } from '@/lib/format';
import { renderRoute } from './render';
import { signIn } from './support/session';

/** The secondary screens are real read-only views of existing data, not placeholders. */
describe('secondary screens', () => {
  beforeEach(() => signIn('manager'));

  it('Revues lists submitted milestones across consortia, oldest first', async () => {
    const submitted = demo.milestones
      .filter((m) => m.status === 'submitted')
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    renderRoute('/reviews');
    expect(await screen.findByRole('heading', { level: 1, name: 'Revues' })).toBeInTheDocument();
    if (submitted.length === 0) {
      expect(screen.getByText('Aucun jalon en attente de revue')).toBeInTheDocument();
      return;
    }
    const table = screen.getByRole('table');
    const titles = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(titles).toEqual(submitted.map((m) => m.title.fr));
  });

  it('Revues says so when nothing awaits review', async () => {
    await clearReviewQueue();
    renderRoute('/reviews');
    expect(await screen.findByText('Aucun jalon en attente de revue')).toBeInTheDocument();
  });

  it('Indicateurs shows the KPI catalogue', async () => {
    renderRoute('/kpis');
    const table = await screen.findByRole('table', { name: /Catalogue des indicateurs/ });
    expect(within(table).getAllByRole('row')).toHaveLength(demo.kpis.length + 1);
    const first = demo.kpis[0]!;
    expect(within(table).getByText(first.code)).toBeInTheDocument();
    expect(within(table).getAllByText(fr.frequency[first.frequency]).length).toBeGreaterThan(0);
  });

  it('Rapports lists the reporting periods with their status', async () => {
    const periods = demo.periods;
    renderRoute('/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Rapports' })).toBeInTheDocument();
    if (periods.length === 0) {
      expect(screen.getByText('Aucune période de reporting')).toBeInTheDocument();
      return;
    }
    const table = screen.getByRole('table');
    for (const p of periods) {
      const row = within(table)
        .getByRole('rowheader', { name: formatPeriod(p.period, 'fr') })
        .closest('tr')!;
      expect(within(row).getByText(fr.periodStatus[p.status])).toBeInTheDocument();
    }
  });

  it('Administration shows the programme settings read-only', async () => {
    const programme = demo.programmes[0]!;
    renderRoute('/admin');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Administration' }),
    ).toBeInTheDocument();
    expect(screen.getByText(programme.funder)).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(`inférieurs à ${programme.smallCountThreshold} `)),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
