import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { KpiStatus } from '@domain/contract/kpi';
import { demo, mockApi, server, signInAs } from '@tests/support/mock-api';
import { fr } from '@/locales/messages-fr';
import { formatDate } from '@/lib/format';
import { renderRoute } from './render';
import { signIn } from './support/session';
import { axeViolations } from './support/axe';
import { expectedPortfolio } from './support/demo';

const PORTFOLIO = '*/api/v1/programmes/:programmeId/portfolio';

describe('portfolio (home)', () => {
  beforeEach(() => signIn('manager'));

  it('shows the programme and one card per consortium with health, milestones and KPI counts', async () => {
    const expected = expectedPortfolio();
    renderRoute('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: expected.programme.name }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`Situation au ${formatDate(expected.asOf, 'fr', 'long')}`),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(expected.consortia.length);
    expect(expected.consortia).toHaveLength(3);

    for (const card of expected.consortia) {
      const article = screen.getByRole('article', { name: card.name });
      const view = within(article);
      expect(view.getByRole('link', { name: card.name })).toHaveAttribute(
        'href',
        `/consortia/${card.id}`,
      );
      expect(view.getByText(fr.health[card.health])).toBeInTheDocument();
      expect(
        view.getByText(`${card.milestones.approved} sur ${card.milestones.planned}`),
      ).toBeInTheDocument();
      expect(view.getByText(fr.card.late).nextElementSibling).toHaveTextContent(
        String(card.milestones.late),
      );
      for (const status of KpiStatus.options) {
        const badge = view.getByText(fr.kpiStatus[status]).closest('.badge');
        expect(badge).toHaveTextContent(`${fr.kpiStatus[status]}${card.kpis[status]}`);
      }
      if (card.nextDue) expect(view.getByText(card.nextDue.title.fr)).toBeInTheDocument();
      if (card.lead) expect(view.getByText(card.lead.name, { exact: false })).toBeInTheDocument();
    }
  });

  it('explains a server error in words, with a retry', async () => {
    server.use(
      http.get(PORTFOLIO, () =>
        HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
      ),
    );
    renderRoute('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Erreur du serveur' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });

  it('offers a retry after a network failure, and the retry works', async () => {
    server.use(http.get(PORTFOLIO, () => HttpResponse.error(), { once: true }));
    const { user } = renderRoute('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Serveur injoignable' }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Réessayer' }));

    const expected = expectedPortfolio();
    expect(
      await screen.findByRole('heading', { level: 1, name: expected.programme.name }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(expected.consortia.length);
  });

  it('explains errors in English too', async () => {
    server.use(http.get(PORTFOLIO, () => HttpResponse.error()));
    renderRoute('/', { locale: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cannot reach the server' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says the server answered something unexpected when the body breaks the contract', async () => {
    server.use(
      http.get(PORTFOLIO, () => HttpResponse.json({ programme: 'not an object', consortia: 3 })),
    );
    renderRoute('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Réponse inattendue du serveur' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state when the programme has no consortia', async () => {
    // A new programme, not yet populated, run by a manager of its own.
    const db = await mockApi.db();
    const { id: _id, ...pascaline } = demo.programmes[0]!;
    await db
      .insertInto('programmes')
      .values({ ...pascaline, id: 'vide', name: 'Programme vide', updatedAt: pascaline.updatedAt })
      .execute();
    await db
      .insertInto('users')
      .values({
        id: 'user-vide',
        email: 'vide@jalon.test',
        name: 'Vide',
        locale: 'fr',
        disabled: false,
        version: 1,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ userId: 'user-vide', position: 0, role: 'manager', programmeId: 'vide' })
      .execute();
    await signInAs({ id: 'user-vide' });
    renderRoute('/');
    expect(await screen.findByText('Aucun consortium')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('has no axe violations', async () => {
    const { container } = renderRoute('/');
    await screen.findAllByRole('article');
    expect(await axeViolations(container)).toEqual([]);
  });
});
