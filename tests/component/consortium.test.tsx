import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { demo } from '@tests/support/mock-api';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { signIn } from './support/session';
import { axeViolations } from './support/axe';
import { demoConsortium } from './support/demo';

describe('consortium overview', () => {
  beforeEach(() => signIn('manager'));

  it('shows the consortium, its partners, milestones and KPIs', async () => {
    const consortium = demoConsortium(0);
    renderRoute(`/consortia/${consortium.id}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: consortium.name }),
    ).toBeInTheDocument();

    const partners = screen.getByRole('table', {
      name: `Partenaires du consortium ${consortium.name}`,
    });
    for (const p of consortium.partners) {
      const row = within(partners).getByRole('row', { name: new RegExp(escape(p.name)) });
      expect(within(row).getByText(fr.organisationType[p.type])).toBeInTheDocument();
    }

    const milestones = screen.getByRole('table', {
      name: new RegExp(`Plan de jalons de ${escape(consortium.name)}`),
    });
    const own = demo.milestones.filter((m) => m.consortiumId === consortium.id);
    expect(within(milestones).getAllByRole('row')).toHaveLength(own.length + 1);
    for (const m of own)
      expect(within(milestones).getByRole('rowheader', { name: m.title.fr })).toBeInTheDocument();

    const kpis = screen.getByRole('table', {
      name: new RegExp(`Indicateurs suivis par ${escape(consortium.name)}`),
    });
    const tracked = demo.consortiumKpis.filter((s) => s.consortiumId === consortium.id);
    expect(within(kpis).getAllByRole('row')).toHaveLength(tracked.length + 1);
    for (const s of tracked) {
      const kpi = demo.kpis.find((k) => k.id === s.kpiId);
      expect(within(kpis).getByText(kpi!.name.fr)).toBeInTheDocument();
    }
  });

  it('shows a not-found state with a way back for an unknown consortium', async () => {
    renderRoute('/consortia/does-not-exist');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Introuvable' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tous les consortiums' })).toHaveAttribute(
      'href',
      '/consortia',
    );
  });

  it('lists the consortia with links to their overview', async () => {
    renderRoute('/consortia');
    const table = await screen.findByRole('table', { name: /Consortiums du programme/ });
    // The demo manager runs the first programme; the next cohort has its own manager.
    const programmeId = demo.programmes[0]!.id;
    for (const c of demo.consortia.filter((x) => x.programmeId === programmeId)) {
      expect(within(table).getByRole('link', { name: c.name })).toHaveAttribute(
        'href',
        `/consortia/${c.id}`,
      );
    }
  });

  it('has no axe violations', async () => {
    const consortium = demoConsortium(1);
    const { container } = renderRoute(`/consortia/${consortium.id}`);
    await screen.findByRole('heading', { level: 1, name: consortium.name });
    expect(await axeViolations(container)).toEqual([]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
