import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from './render';
import { demoConsortium } from './support/demo';
import { signIn, type DemoRole } from './support/session';

const EVERYONE = ['Portefeuille', 'Consortiums', 'Calendrier', 'Indicateurs', 'Rapports'];
const MANAGER = [
  'Portefeuille',
  'Consortiums',
  'Revues',
  'Calendrier',
  'Indicateurs',
  'Rapports',
  'Activité',
  'Administration',
];

/** GitLab-style: every role listed, and what it must not see counts as much as what it sees. */
const NAVIGATION: Record<DemoRole, { links: string[]; role: string }> = {
  manager: { links: MANAGER, role: 'Gestionnaire' },
  observer: { links: EVERYONE, role: 'Observateur' },
  lead: { links: EVERYONE, role: 'Chef de file' },
  member: { links: EVERYONE, role: 'Membre du consortium' },
};

describe('role-aware navigation', () => {
  for (const [role, expected] of Object.entries(NAVIGATION) as [
    DemoRole,
    (typeof NAVIGATION)[DemoRole],
  ][]) {
    it(`shows a ${role} only what the role may use`, async () => {
      const person = await signIn(role);
      renderRoute('/kpis');
      await screen.findByRole('heading', { level: 1, name: 'Indicateurs' });
      const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
      expect(
        within(nav)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(expected.links);
      expect(
        screen.getByRole('button', { name: (name) => name.startsWith(person.name) }),
      ).toHaveTextContent(expected.role);
    });
  }

  it('refuses the users page to an observer', async () => {
    await signIn('observer');
    renderRoute('/admin/users');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès refusé' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Créer l’invitation' })).not.toBeInTheDocument();
  });

  const MANAGER_SCREENS = [
    '/reviews',
    '/activity',
    '/admin',
    '/admin/users',
    '/admin/milestone-template',
  ];
  it.each(['observer', 'lead', 'member'] as const)(
    'refuses every manager screen to a %s who types its address',
    async (role) => {
      await signIn(role);
      for (const path of MANAGER_SCREENS) {
        const { unmount } = renderRoute(path);
        expect(
          await screen.findByRole('heading', { level: 1, name: 'Accès refusé' }),
          path,
        ).toBeInTheDocument();
        unmount();
      }
    },
  );

  it('opens every manager screen to the manager', async () => {
    await signIn('manager');
    for (const path of MANAGER_SCREENS) {
      const { unmount } = renderRoute(path);
      const heading = await screen.findByRole('heading', { level: 1 });
      expect(heading, path).not.toHaveTextContent('Accès refusé');
      unmount();
    }
  });

  it('answers another consortium as not found to a lead', async () => {
    await signIn('lead');
    renderRoute(`/consortia/${demoConsortium(1).id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Introuvable' }),
    ).toBeInTheDocument();
  });

  it('lets a lead read their own consortium', async () => {
    await signIn('lead');
    const own = demoConsortium(0);
    renderRoute(`/consortia/${own.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: own.name })).toBeInTheDocument();
  });
});
