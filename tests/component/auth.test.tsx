import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { demo, server, signedInUserId, signOut } from '@tests/support/mock-api';
import { renderRoute } from './render';
import { api } from './support/api';
import { axeViolations } from './support/axe';
import { demoConsortium } from './support/demo';
import { DEMO_EMAIL, signIn, type DemoRole } from './support/session';

type User = ReturnType<typeof renderRoute>['user'];

async function fillSignIn(user: User, email: string, password: string) {
  await screen.findByRole('heading', { level: 1, name: 'Connexion' });
  await user.type(screen.getByLabelText('Adresse e-mail'), email);
  await user.type(screen.getByLabelText('Mot de passe'), password);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

const signInAs = (user: User, role: DemoRole) => fillSignIn(user, DEMO_EMAIL[role], DEMO_PASSWORD);

describe('sign-in', () => {
  it('signs a manager in and lands on the portfolio', async () => {
    const { user, router } = renderRoute('/login');
    await signInAs(user, 'manager');
    expect(
      await screen.findByRole('heading', { level: 1, name: demo.programmes[0]!.name }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('button', { name: /Claire Martin/ })).toHaveTextContent('Gestionnaire');
  });

  it('lands a consortium lead on their consortium', async () => {
    const { user, router } = renderRoute('/login');
    await signInAs(user, 'lead');
    const consortium = demoConsortium(0);
    expect(
      await screen.findByRole('heading', { level: 1, name: consortium.name }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/consortia/${consortium.id}`);
  });

  it('refuses a wrong password with one generic message tied to both fields', async () => {
    const { user, router } = renderRoute('/login');
    await fillSignIn(user, DEMO_EMAIL.manager, 'not-the-password');
    const alert = await screen.findByText('E-mail ou mot de passe incorrect.');
    expect(alert).toHaveAttribute('role', 'alert');
    for (const label of ['Adresse e-mail', 'Mot de passe']) {
      const field = screen.getByLabelText(label);
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    }
    expect(router.state.location.pathname).toBe('/login');
    expect(await signedInUserId()).toBeNull();
  });

  it('asks for both fields before calling the server', async () => {
    const { user } = renderRoute('/login');
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAccessibleDescription(
      'Saisissez votre adresse e-mail.',
    );
    expect(screen.getByLabelText('Mot de passe')).toHaveAccessibleDescription(
      'Saisissez votre mot de passe.',
    );
  });

  it('says how long to wait after too many attempts (the mocks limit like the server)', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await api('POST', '/auth/login', { email: DEMO_EMAIL.lead, password: 'wrong' });
      expect(res.status).toBe(401);
    }
    const { user } = renderRoute('/login');
    await signInAs(user, 'lead');
    expect(
      await screen.findByText('Trop de tentatives. Réessayez dans 15 minutes.'),
    ).toBeInTheDocument();
    expect(await signedInUserId()).toBeNull();
  });

  it('uses Retry-After when present and a general wording when not', async () => {
    server.use(
      http.post('*/api/v1/auth/login', () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'x' } },
          { status: 429, headers: { 'Retry-After': '61' } },
        ),
      ),
    );
    const { user } = renderRoute('/login', { locale: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await user.type(screen.getByLabelText('E-mail address'), DEMO_EMAIL.manager);
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText('Too many attempts. Try again in 2 minutes.'),
    ).toBeInTheDocument();
  });

  it('sends a signed-out visitor to sign in, then back where they were going', async () => {
    const consortium = demoConsortium(1);
    const { user, router } = renderRoute(`/consortia/${consortium.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    expect(router.state.location.search).toBe(
      `?from=${encodeURIComponent(`/consortia/${consortium.id}`)}`,
    );
    await signInAs(user, 'manager');
    expect(
      await screen.findByRole('heading', { level: 1, name: consortium.name }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/consortia/${consortium.id}`);
  });

  it('shows who is signed in with their roles, and signs out', async () => {
    await signIn('lead');
    const { user, router } = renderRoute('/');
    const account = await screen.findByRole('button', { name: /Thomas Leroy/ });
    await user.click(account);
    expect(account).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByRole('heading', { name: 'Mon compte' })).toBeInTheDocument();
    expect(screen.getByText(DEMO_EMAIL.lead)).toBeInTheDocument();
    expect(await screen.findByText(`Chef de file — ${demoConsortium(0).name}`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(await signedInUserId()).toBeNull();
    expect(
      screen.queryByText('Votre session a expiré. Reconnectez-vous pour continuer.'),
    ).toBeNull();
  });

  it('sends the person back to sign in when the session ends, saying why', async () => {
    await signIn('manager');
    const { user, router } = renderRoute('/');
    await screen.findAllByRole('article');
    // Data routes answer 401 without a session, as on the server.
    signOut();
    await user.click(screen.getByRole('link', { name: 'Indicateurs' }));
    expect(
      await screen.findByText('Votre session a expiré. Reconnectez-vous pour continuer.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    await signInAs(user, 'manager');
    // Signing in, then the KPI screen's chunk and data: slow on a loaded CI machine.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Indicateurs' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });

  it('offers the demo accounts in development, and picking one fills the form', async () => {
    const { user } = renderRoute('/login');
    const hint = await screen.findByRole('complementary', { name: 'Comptes de démonstration' });
    expect(within(hint).getByText(DEMO_PASSWORD)).toBeInTheDocument();
    await user.click(within(hint).getByRole('button', { name: DEMO_EMAIL.observer }));
    expect(screen.getByLabelText('Adresse e-mail')).toHaveValue(DEMO_EMAIL.observer);
    expect(screen.getByLabelText('Mot de passe')).toHaveValue(DEMO_PASSWORD);
  });

  it('shows and hides the password on request', async () => {
    const { user } = renderRoute('/login');
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    const toggle = screen.getByRole('button', { name: 'Afficher le mot de passe' });
    expect(screen.getByLabelText('Mot de passe')).toHaveAttribute('type', 'password');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Mot de passe')).toHaveAttribute('type', 'text');
  });

  it('has no axe violations, with an error shown', async () => {
    const { user, container } = renderRoute('/login');
    await fillSignIn(user, DEMO_EMAIL.manager, 'wrong-password');
    await screen.findByText('E-mail ou mot de passe incorrect.');
    expect(await axeViolations(container)).toEqual([]);
  });
});
