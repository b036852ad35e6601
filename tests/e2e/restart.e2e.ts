import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { openSession, signIn } from './browser';
import { startServer } from './server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'jalon-e2e-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('durability seen from the browser', () => {
  it('keeps an edit made in the UI across a server restart', async () => {
    const first = await startServer(dataDir);
    const session = await openSession();
    try {
      const { page } = session;
      await signIn(page, 'manager@jalon.test', DEMO_PASSWORD, first.url);
      await page.getByRole('link', { name: 'EHPAD Connect' }).click();
      await page.getByRole('heading', { level: 1, name: 'EHPAD Connect' }).waitFor();
      await page.getByRole('button', { name: 'Modifier' }).click();
      const territory = page.getByLabel('Territoire');
      await territory.fill('Nord-Isère et Bourgoin-Jallieu (6 EHPAD)');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Modifications enregistrées').waitFor();
    } finally {
      await session.close();
      await first.stop();
    }

    const second = await startServer(dataDir);
    const again = await openSession();
    try {
      const { page } = again;
      await signIn(page, 'manager@jalon.test', DEMO_PASSWORD, second.url);
      await page.getByRole('link', { name: 'EHPAD Connect' }).click();
      await page.getByRole('heading', { level: 1, name: 'EHPAD Connect' }).waitFor();
      const edited = 'Nord-Isère et Bourgoin-Jallieu (6 EHPAD)';
      // Both the consortium's facts and its history (the audit trail) outlive the restart.
      const history = page.getByRole('table', { name: /^Historique de EHPAD Connect/ });
      await history.getByText(edited).waitFor();
      // Once in the consortium's facts, once as the new value in its history entry.
      expect(await page.getByText(edited, { exact: true }).count()).toBe(1);
      expect(await history.getByText(edited).count()).toBe(1);
    } finally {
      await again.close();
      await second.stop();
    }
  });
});
