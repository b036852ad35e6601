import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { demo, mockApi, signedInUserId, signOut } from '@tests/support/mock-api';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { demoConsortium } from './support/demo';
import { demoUser, signIn } from './support/session';

type User = ReturnType<typeof renderRoute>['user'];

async function invite(user: User, email: string, role: string, consortium?: string) {
  await user.type(screen.getByLabelText('Adresse e-mail'), email);
  await user.selectOptions(screen.getByLabelText('Rôle'), role);
  if (consortium) await user.selectOptions(screen.getByLabelText('Consortium'), consortium);
  await user.click(screen.getByRole('button', { name: 'Créer l’invitation' }));
}

function rowOf(name: string) {
  return screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;
}

describe('users administration', () => {
  beforeEach(() => signIn('manager'));

  it('lists accounts with roles, status and last sign-in', async () => {
    renderRoute('/admin/users');
    const table = await screen.findByRole('table', { name: /Comptes du programme/ });
    // The accounts of the demo programme (the next cohort's manager belongs to another one).
    const programmeId = demo.programmes[0]!.id;
    const accounts = demo.users.filter((u) =>
      u.memberships.some((m) => m.programmeId === programmeId),
    );
    expect(within(table).getAllByRole('row')).toHaveLength(accounts.length + 1);
    const lead = within(rowOf('Thomas Leroy'));
    expect(lead.getByText(`Chef de file — ${demoConsortium(0).name}`)).toBeInTheDocument();
    expect(lead.getByText('Actif')).toBeInTheDocument();
    expect(lead.getByText('Jamais')).toBeInTheDocument();
  });

  it('invites someone, shows a copyable single-use link, and the link signs them in', async () => {
    const consortium = demoConsortium(0);
    const first = renderRoute('/admin/users');
    await screen.findByRole('table');
    await invite(first.user, 'nouvelle@exemple.fr', 'Membre du consortium', consortium.name);

    expect(
      await screen.findByText(/Invitation créée pour nouvelle@exemple\.fr/),
    ).toBeInTheDocument();
    const field = screen.getByLabelText('Lien à transmettre');
    const link = (field as HTMLInputElement).value;
    expect(link).toMatch(/\/accept\/[A-Za-z0-9_-]{43}$/);
    await first.user.click(screen.getByRole('button', { name: 'Copier le lien' }));
    expect(await screen.findByText('Lien copié')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(link);
    first.unmount();

    signOut();
    const path = new URL(link).pathname;
    const { user, router, unmount } = renderRoute(path);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Créer votre compte' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Invitation pour nouvelle@exemple.fr.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Votre nom'), 'Nadia Benali');
    const password = screen.getByLabelText('Nouveau mot de passe');
    expect(password).toHaveAccessibleDescription(/Entre 8 et 128 caractères/);
    await user.type(password, 'court');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    expect(password).toHaveAccessibleDescription(/au moins 8 caractères/);

    await user.clear(password);
    await user.type(password, 'motdepasse');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    expect(await screen.findByText(/trop courant/)).toBeInTheDocument();

    await user.clear(password);
    await user.type(password, 'une phrase de passe solide');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: consortium.name }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/consortia/${consortium.id}`);
    const signedIn = await signedInUserId();
    const db = await mockApi.db();
    const account = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', signedIn!)
      .executeTakeFirst();
    expect(account?.email).toBe('nouvelle@exemple.fr');

    // Single use: the same link now says it is no longer valid.
    unmount();
    renderRoute(path);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Lien invalide ou expiré' }),
    ).toBeInTheDocument();
  });

  it('says a used, expired or unknown link is invalid', async () => {
    signOut();
    renderRoute(`/accept/${'x'.repeat(43)}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Lien invalide ou expiré' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Aller à la connexion' })).toHaveAttribute(
      'href',
      '/login',
    );
  });

  it('shows validation errors on the fields they concern', async () => {
    const { user } = renderRoute('/admin/users');
    await screen.findByRole('table');
    await invite(user, 'pas-une-adresse', 'Chef de file');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAccessibleDescription(
      /Saisissez une adresse e-mail valide/,
    );
    expect(screen.getByLabelText('Consortium')).toHaveAccessibleDescription(
      'Choisissez le consortium de cette personne.',
    );
    await user.selectOptions(screen.getByLabelText('Rôle'), 'Observateur');
    expect(screen.queryByLabelText('Consortium')).not.toBeInTheDocument();
  });

  it('disables an account after confirmation, which ends its sessions', async () => {
    const member = demoUser('member');
    const { user } = renderRoute('/admin/users');
    await screen.findByRole('table');
    await user.click(within(rowOf(member.name)).getByRole('button', { name: 'Désactiver' }));
    const dialog = screen.getByRole('alertdialog', {
      name: `Désactiver le compte de ${member.name} ?`,
    });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Désactiver le compte' }));
    expect(await within(rowOf(member.name)).findByText('Désactivé')).toBeInTheDocument();
    expect(
      within(rowOf(member.name)).getByRole('button', { name: 'Réactiver' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    const db = await mockApi.db();
    const stored = await db
      .selectFrom('users')
      .select('disabled')
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(stored.disabled).toBe(true);
  });

  it('issues a password-reset link to copy', async () => {
    const lead = demoUser('lead');
    const { user } = renderRoute('/admin/users');
    await screen.findByRole('table');
    await user.click(
      within(rowOf(lead.name)).getByRole('button', { name: 'Lien de réinitialisation' }),
    );
    expect(
      await screen.findByText(new RegExp(`Lien de réinitialisation pour ${lead.email}`)),
    ).toBeInTheDocument();
    const field = screen.getByLabelText<HTMLInputElement>('Lien à transmettre');
    expect(field.value).toMatch(/\/accept\/[A-Za-z0-9_-]{43}$/);
  });

  it('has no axe violations, with a link shown', async () => {
    const { user, container } = renderRoute('/admin/users');
    await screen.findByRole('table');
    await invite(user, 'observatrice@exemple.fr', 'Observateur');
    await screen.findByLabelText('Lien à transmettre');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('offers no disabling of an account another programme shares, and says why', async () => {
    const db = await mockApi.db();
    await db
      .insertInto('memberships')
      .values({
        userId: demoUser('lead').id,
        role: 'observer',
        programmeId: 'cohorte-2027',
        consortiumId: null,
        position: 1,
      })
      .execute();
    const { user } = renderRoute('/admin/users');
    await screen.findByRole('table', { name: /Comptes du programme/ });
    const shared = within(rowOf('Thomas Leroy'));
    expect(shared.queryByRole('button', { name: 'Désactiver' })).not.toBeInTheDocument();
    expect(shared.getByText(/aussi membre d’un autre programme/)).toBeInTheDocument();
    expect(
      within(rowOf('Julie Moreau')).getByRole('button', { name: 'Désactiver' }),
    ).toBeInTheDocument();
    // The dev mocks send no e-mail: the link cannot be issued, and the reason is given.
    await user.click(shared.getByRole('button', { name: 'Lien de réinitialisation' }));
    expect(
      await screen.findByText(/seul un gestionnaire de tous ses programmes peut le désactiver ou/),
    ).toHaveAttribute('role', 'alert');
  });
});
