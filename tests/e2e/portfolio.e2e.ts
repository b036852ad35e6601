import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { axeViolations, BASE_URL, openSession, signIn, type Session } from './browser';

let session: Session;
beforeEach(async () => {
  session = await openSession();
  await signIn(session.page, 'manager@jalon.test', DEMO_PASSWORD);
  await session.page.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
});
afterEach(async () => {
  await session.close();
});

describe('portfolio and consortium overview, served by the production server', () => {
  it('shows the demo programme from the real API, then a consortium with its partners and plan', async () => {
    const { page } = session;
    const apiResponses: { url: string; requestId: string | null }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/'))
        apiResponses.push({ url: r.url(), requestId: r.headers()['x-request-id'] ?? null });
    });

    await page.goto(BASE_URL);
    await page.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
    for (const name of ['Coord@Dom', 'Sortie+', 'EHPAD Connect']) {
      await expect(page.getByRole('link', { name }).isVisible()).resolves.toBe(true);
    }
    // Health is derived by the server and shown in words, not colour alone.
    await expect(page.getByText('Hors trajectoire').first().isVisible()).resolves.toBe(true);

    await page.getByRole('link', { name: 'Coord@Dom' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coord@Dom' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Partenaires' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('table').getByText('CoordiLink SAS').isVisible()).resolves.toBe(
      true,
    );
    await expect(
      page.getByRole('heading', { name: 'Jalons', exact: true }).isVisible(),
    ).resolves.toBe(true);
    expect(await page.getByRole('table').nth(1).getByRole('row').count()).toBeGreaterThan(12);

    // Every answer came from the server (the mocks never set x-request-id), and no worker was registered.
    expect(apiResponses.length).toBeGreaterThan(0);
    expect(apiResponses.filter((r) => !r.requestId)).toEqual([]);
    const registrations = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistrations()).length,
    );
    expect(registrations).toBe(0);
    const worker = await page.request.get(`${BASE_URL}/mockServiceWorker.js`);
    expect(worker.status()).toBe(404);
  });

  it('has no accessibility violations on the portfolio and the consortium overview', async () => {
    const { page } = session;
    await page.goto(BASE_URL);
    await page.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Sortie+' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sortie+' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('answers an unknown address with the 404 page and an unknown consortium with a not-found state', async () => {
    const { page } = session;
    await page.goto(`${BASE_URL}/nowhere`);
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    await page.goto(`${BASE_URL}/consortia/no-such-consortium`);
    await page.getByRole('heading', { name: 'Introuvable' }).waitFor();
  });
});
