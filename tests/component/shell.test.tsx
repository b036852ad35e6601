import { screen, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '@tests/support/mock-api';
import { LOCALE_STORAGE_KEY } from '@/lib/i18n';
import { renderRoute } from './render';
import { signIn } from './support/session';

const FR_NAV = [
  'Portefeuille',
  'Consortiums',
  'Revues',
  'Calendrier',
  'Indicateurs',
  'Rapports',
  'Activité',
  'Administration',
];
const EN_NAV = [
  'Portfolio',
  'Consortia',
  'Reviews',
  'Timeline',
  'KPIs',
  'Reports',
  'Activity',
  'Administration',
];

function navLabels() {
  const nav = screen.getByRole('navigation', { name: /navigation/i });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent);
}

describe('app shell', () => {
  beforeEach(() => signIn('manager'));

  it('shows a 404 page for an unknown route, inside the layout', async () => {
    renderRoute('/no/such/page');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page introuvable' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Retour au portefeuille' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(navLabels()).toEqual(FR_NAV);
  });

  it('announces loading inside the layout while a screen’s data arrives', async () => {
    const { user } = renderRoute('/kpis');
    await screen.findByRole('heading', { level: 1, name: 'Indicateurs' });
    // Returning nothing hands the request on to the real demo handler, just later.
    server.use(
      http.get('*/api/v1/programmes/:programmeId/portfolio', async () => {
        await delay(150);
      }),
    );
    await user.click(screen.getByRole('link', { name: 'Portefeuille' }));
    expect(await screen.findByText('Chargement…')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    expect(navLabels()).toEqual(FR_NAV);
    expect(await screen.findAllByRole('article')).toHaveLength(3);
    expect(screen.queryByText('Chargement…')).not.toBeInTheDocument();
  });

  it('starts in French with a skip link to the main region', async () => {
    renderRoute('/');
    await screen.findAllByRole('article');
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('link', { name: 'Aller au contenu principal' })).toHaveAttribute(
      'href',
      '#main',
    );
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });

  it('switches to English, sets <html lang> and remembers the choice', async () => {
    const first = renderRoute('/');
    await screen.findAllByRole('article');
    expect(navLabels()).toEqual(FR_NAV);

    await first.user.click(screen.getByRole('button', { name: 'EN, English' }));

    expect(navLabels()).toEqual(EN_NAV);
    expect(screen.getByRole('button', { name: 'EN, English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    // Content follows too, not just the chrome: the consortia heading and card labels.
    expect(screen.getByRole('heading', { level: 2, name: '3 consortia' })).toBeInTheDocument();
    expect(screen.getAllByText('Lead partner')).toHaveLength(3);

    first.unmount();
    renderRoute('/');
    await screen.findAllByRole('article');
    expect(navLabels()).toEqual(EN_NAV);
  });

  it('moves focus to the main region after navigating', async () => {
    const { user } = renderRoute('/');
    await screen.findAllByRole('article');
    await user.click(screen.getByRole('link', { name: 'Indicateurs' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Indicateurs' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('folds the navigation into a keyboard-operable menu button', async () => {
    const { user } = renderRoute('/');
    await screen.findAllByRole('article');
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});
