import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { BASE_URL, openSession, signIn, type Session } from './browser';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function navLabels(s: Session): Promise<string[]> {
  const nav = s.page.getByRole('navigation', { name: 'Navigation principale' });
  return (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
}

describe('each role signs in, lands on its home, sees only what it may, and signs out', () => {
  it('manager: the whole portfolio, administration and activity', async () => {
    session = await openSession();
    await signIn(session.page, 'manager@jalon.test', DEMO_PASSWORD);
    await session.page.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
    expect(new URL(session.page.url()).pathname).toBe('/');
    for (const name of ['Coord@Dom', 'Sortie+', 'EHPAD Connect']) {
      expect(await session.page.getByRole('link', { name }).count()).toBeGreaterThan(0);
    }
    expect(await navLabels(session)).toEqual(
      expect.arrayContaining(['Administration', 'Activité']),
    );
    await session.page.getByRole('button', { name: /Claire Martin/ }).click();
    await session.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await session.page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await session.page.goto(`${BASE_URL}/consortia`);
    await session.page.getByRole('heading', { name: 'Connexion' }).waitFor();
  });

  it('observer: reads the whole portfolio but cannot edit or administer', async () => {
    session = await openSession();
    await signIn(session.page, 'observer@jalon.test', DEMO_PASSWORD);
    await session.page.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
    expect(await session.page.getByRole('link', { name: 'EHPAD Connect' }).count()).toBeGreaterThan(
      0,
    );
    const nav = await navLabels(session);
    expect(nav).not.toContain('Administration');
    expect(nav).not.toContain('Activité');
    await session.page.getByRole('link', { name: 'Sortie+' }).first().click();
    await session.page.getByRole('heading', { level: 1, name: 'Sortie+' }).waitFor();
    expect(await session.page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
  });

  it('lead: lands on its own consortium, may edit it, and cannot see another one', async () => {
    session = await openSession();
    await signIn(session.page, 'lead@jalon.test', DEMO_PASSWORD);
    await session.page.getByRole('heading', { level: 1, name: 'Coord@Dom' }).waitFor();
    expect(await session.page.getByRole('button', { name: 'Modifier' }).count()).toBe(1);
    expect(await navLabels(session)).not.toContain('Administration');
    await session.page.goto(`${BASE_URL}/`);
    await session.page.getByRole('link', { name: 'Coord@Dom' }).first().waitFor();
    expect(await session.page.getByRole('link', { name: 'Sortie+' }).count()).toBe(0);
    await session.page.goto(`${BASE_URL}/consortia/sortie-plus`);
    await session.page.getByRole('heading', { name: 'Introuvable' }).waitFor();
  });

  it('member: reads its own consortium without edit buttons', async () => {
    session = await openSession();
    await signIn(session.page, 'member@jalon.test', DEMO_PASSWORD);
    await session.page.getByRole('heading', { level: 1, name: 'Coord@Dom' }).waitFor();
    expect(await session.page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    expect(await navLabels(session)).not.toContain('Administration');
  });

  it('refuses a wrong password with a message and stays on the sign-in page', async () => {
    session = await openSession();
    await signIn(session.page, 'manager@jalon.test', 'not-the-password');
    await session.page.getByText('E-mail ou mot de passe incorrect.').waitFor();
    expect(new URL(session.page.url()).pathname).toBe('/login');
  });
});
