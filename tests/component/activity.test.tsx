import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '@tests/support/mock-api';
import { renderRoute } from './render';
import { openMilestone, setProgress } from './support/api';
import { axeViolations } from './support/axe';
import { demoConsortium } from './support/demo';
import { demoUser, signIn } from './support/session';

const ACTIVITY = /Journal d’activité du programme/;

/** Two edits: the lead moves one milestone, the manager another. */
async function twoEdits() {
  const a = await openMilestone(0);
  const b = await openMilestone(1);
  await signIn('lead');
  await setProgress(a.id, a.progress === 60 ? 70 : 60);
  await signIn('manager');
  await setProgress(b.id, b.progress === 35 ? 45 : 35);
  return { a, b };
}

describe('activity and history', () => {
  beforeEach(() => signIn('manager'));

  it('lists each change as a sentence: who did what, and what it was before', async () => {
    const { a, b } = await twoEdits();
    renderRoute('/activity');
    const table = await screen.findByRole('table', { name: ACTIVITY });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // Newest first: the manager's edit, then the lead's.
    const after = a.progress === 60 ? 70 : 60;
    expect(rows[0]).toHaveTextContent(
      `Claire Martin (Gestionnaire) a porté l’avancement de ${b.code} « ${b.title.fr} » à`,
    );
    expect(rows[1]).toHaveTextContent(
      `Thomas Leroy (Chef de file) a porté l’avancement de ${a.code} « ${a.title.fr} » à ${after} % (était ${a.progress} %)`,
    );
  });

  it('keeps the filters in the URL and applies them', async () => {
    await twoEdits();
    const lead = demoUser('lead');
    const { user, router } = renderRoute('/activity');
    await screen.findByRole('table', { name: ACTIVITY });
    await user.selectOptions(screen.getByLabelText('Personne'), lead.name);
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    const rows = () => within(screen.getByRole('table', { name: ACTIVITY })).getAllByRole('row');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[1]).toHaveTextContent('Thomas Leroy');
    expect(new URLSearchParams(router.state.location.search).get('actorId')).toBe(lead.id);
    expect(screen.getByLabelText('Personne')).toHaveValue(lead.id);

    await user.click(screen.getByRole('link', { name: 'Effacer les filtres' }));
    expect(router.state.location.search).toBe('');
  });

  it('reads filters from the URL, with an empty state when nothing matches', async () => {
    await twoEdits();
    renderRoute(`/activity?consortiumId=${demoConsortium(2).id}`);
    expect(await screen.findByText('Aucune activité')).toBeInTheDocument();
    expect(screen.getByLabelText('Consortium')).toHaveValue(demoConsortium(2).id);
  });

  it('pages through older entries', async () => {
    const m = await openMilestone(0);
    for (let i = 1; i <= 27; i++) await setProgress(m.id, i);
    const { user } = renderRoute('/activity');
    const table = await screen.findByRole('table', { name: ACTIVITY });
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    await user.click(screen.getByRole('button', { name: 'Entrées plus anciennes' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(28));
    expect(within(table).getAllByRole('row')[27]).toHaveTextContent(
      `à 1 % (était ${m.progress} %)`,
    );
    expect(
      screen.queryByRole('button', { name: 'Entrées plus anciennes' }),
    ).not.toBeInTheDocument();
  });

  it('explains a failure to load', async () => {
    server.use(
      http.get('*/api/v1/programmes/:programmeId/audit', () =>
        HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
      ),
    );
    renderRoute('/activity');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Erreur du serveur' }),
    ).toBeInTheDocument();
  });

  it('is refused to a consortium lead, whose navigation does not offer it', async () => {
    await signIn('lead');
    renderRoute('/activity');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès refusé' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Activité' })).not.toBeInTheDocument();
  });

  it('shows a consortium’s history on its overview, to its members too', async () => {
    const { a } = await twoEdits();
    await signIn('member');
    renderRoute(`/consortia/${demoConsortium(0).id}`);
    const table = await screen.findByRole('table', { name: /^Historique de/ });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent(`a porté l’avancement de ${a.code} « ${a.title.fr} »`);
    expect(within(table).getAllByText(/a porté l’avancement de/)).toHaveLength(2);
  });

  it('has no axe violations', async () => {
    await twoEdits();
    const { container } = renderRoute('/activity');
    await screen.findByRole('table', { name: ACTIVITY });
    expect(await axeViolations(container)).toEqual([]);
  });
});
