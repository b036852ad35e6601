import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { Health, type ConsortiumCard, type Portfolio } from '@domain/contract/portfolio';
import { server } from '@tests/support/mock-api';
import { renderRoute } from './render';
import { signIn } from './support/session';
import { axeViolations } from './support/axe';
import { expectedPortfolio } from './support/demo';

const PORTFOLIO = '*/api/v1/programmes/:programmeId/portfolio';
const COPIES = 30; // 90 cards: four pages of 24, the last one partly filled

/**
 * A portfolio the size of a real one, built from the demo's three cards: copy n of each card is
 * "<name> n" with its own id, and health turns with the copy so every state has many cards.
 */
function largePortfolio(): Portfolio {
  const demo = expectedPortfolio();
  const consortia: ConsortiumCard[] = [];
  for (let copy = 1; copy <= COPIES; copy++) {
    demo.consortia.forEach((card, i) => {
      consortia.push({
        ...card,
        id: `${card.id}-${copy}`,
        name: `${card.name} ${copy}`,
        health: Health.options[(i + copy) % 3]!,
      });
    });
  }
  return { ...demo, consortia };
}

const large = largePortfolio();
const names = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'));
const params = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);
/** The live region of the list, not the app's own (loading, toasts). */
const status = () =>
  within(screen.getByRole('region', { name: /^90 consorti/ })).getByRole('status');
const pager = () => screen.getByRole('navigation', { name: 'Pages des consortiums' });

// 90 cards render in jsdom at every step: slow on a loaded 2-core machine, not stuck.
describe('portfolio at the size of a real programme', { timeout: 40_000 }, () => {
  beforeEach(async () => {
    await signIn('manager');
    server.use(http.get(PORTFOLIO, () => HttpResponse.json(large)));
  });

  it('shows 24 cards a page, and Previous/Next links move between pages in the URL', async () => {
    const { user, router } = renderRoute('/');
    expect(await screen.findAllByRole('article')).toHaveLength(24);
    expect(status()).toHaveTextContent('90 consortiums — 1 à 24 affichés');
    expect(within(pager()).getByText('Page 1 sur 4')).toBeInTheDocument();
    expect(within(pager()).queryByRole('link', { name: 'Page précédente' })).toBeNull();

    await user.click(within(pager()).getByRole('link', { name: 'Page suivante' }));
    await waitFor(() => expect(params(router).get('page')).toBe('2'));
    expect(await within(pager()).findByText('Page 2 sur 4')).toBeInTheDocument();
    expect(names()[0]).toBe(`card-${large.consortia[24]!.id}`);
    // The list starts again at its top, for the keyboard and the screen reader alike.
    expect(screen.getByRole('heading', { level: 2, name: '90 consortiums' })).toHaveFocus();

    await user.click(within(pager()).getByRole('link', { name: 'Page suivante' }));
    expect(await within(pager()).findByText('Page 3 sur 4')).toBeInTheDocument();
    await user.click(within(pager()).getByRole('link', { name: 'Page suivante' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(18));
    expect(status()).toHaveTextContent('73 à 90 affichés');
    expect(within(pager()).queryByRole('link', { name: 'Page suivante' })).toBeNull();

    await user.click(within(pager()).getByRole('link', { name: 'Page précédente' }));
    await waitFor(() => expect(params(router).get('page')).toBe('3'));
  });

  it('filters by health state, back to the first page, and says how many match', async () => {
    const { user, router } = renderRoute('/?page=3');
    await screen.findAllByRole('article');
    const atRisk = large.consortia.filter((c) => c.health === 'at_risk');
    const select = screen.getByRole('combobox', { name: 'État de santé' });
    expect(
      within(select).getByRole('option', { name: `À risque (${atRisk.length})` }),
    ).toBeTruthy();

    await user.selectOptions(select, 'at_risk');
    await waitFor(() => expect(params(router).get('health')).toBe('at_risk'));
    expect(params(router).get('page')).toBeNull();
    expect(status()).toHaveTextContent(
      `${atRisk.length} consortiums sur 90 correspondent aux filtres`,
    );
    expect(names()).toEqual(atRisk.slice(0, 24).map((c) => `card-${c.id}`));
  });

  it('searches consortium names and lead partners, ignoring case and accents', async () => {
    const { user, router } = renderRoute('/');
    await screen.findAllByRole('article');
    const search = screen.getByRole('searchbox', {
      name: 'Rechercher un consortium ou un chef de file',
    });
    const target = large.consortia[40]!;
    // Pasted, not typed: one keystroke per render is slow on a loaded machine and tests nothing more.
    await user.click(search);
    await user.paste(target.name.toUpperCase());
    await waitFor(() => expect(names()).toEqual([`card-${target.id}`]));
    expect(params(router).get('q')).toBe(target.name.toUpperCase());
    expect(screen.queryByRole('navigation', { name: 'Pages des consortiums' })).toBeNull();

    const lead = large.consortia[1]!.lead!.name;
    const folded = lead
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
    await user.clear(search);
    await user.paste(folded);
    const byLead = large.consortia.filter((c) => c.lead?.name === lead);
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        `${byLead.length} consortiums sur 90 correspondent aux filtres`,
      ),
    );
  });

  it('restores the search, the filter and the page from a link', async () => {
    renderRoute('/?health=off_track&q=dom&page=2');
    await screen.findAllByRole('article');
    const matching = large.consortia.filter(
      (c) => c.health === 'off_track' && /dom/i.test(`${c.name} ${c.lead?.name ?? ''}`),
    );
    expect(matching.length).toBeGreaterThan(0);
    expect(screen.getByRole('searchbox')).toHaveValue('dom');
    expect(screen.getByRole('combobox', { name: 'État de santé' })).toHaveValue('off_track');
    // Too few matches for a page 2: the last page there is shows instead of nothing.
    expect(names()).toEqual(matching.slice(0, 24).map((c) => `card-${c.id}`));
  });

  it('says when nothing matches, and the reset link shows everything again', async () => {
    const { user, router } = renderRoute('/?q=zzzz');
    expect(await screen.findByText('Aucun consortium ne correspond')).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
    expect(status()).toHaveTextContent('0 consortium sur 90');
    expect(await axeViolations(document.body)).toEqual([]);

    await user.click(screen.getByRole('link', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(24));
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('is complete in English', async () => {
    renderRoute('/?health=on_track', { locale: 'en' });
    await screen.findAllByRole('article');
    expect(screen.getByRole('combobox', { name: 'Health' })).toHaveValue('on_track');
    expect(screen.getByRole('searchbox', { name: 'Search a consortium or lead partner' }));
    expect(status()).toHaveTextContent('30 of 90 consortia match the filters');
  });

  it('has no axe violations with a filter applied and several pages', async () => {
    const { container } = renderRoute('/?health=at_risk&page=1');
    await screen.findAllByRole('article');
    expect(pager()).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('portfolio at the demo size', () => {
  beforeEach(() => signIn('manager'));

  it('shows its three cards without a search box or a pager', async () => {
    renderRoute('/');
    expect(await screen.findAllByRole('article')).toHaveLength(3);
    expect(screen.queryByRole('search')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Pages des consortiums' })).toBeNull();
  });
});
