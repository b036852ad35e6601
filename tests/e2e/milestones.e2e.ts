import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Milestone } from '@domain/contract/milestone';
import type { Portfolio } from '@domain/contract/portfolio';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { axeViolations, BASE_URL, openSession, signIn, type Session } from './browser';

const LEAD = 'lead@jalon.test';
const MANAGER = 'manager@jalon.test';

let sessions: Session[] = [];
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

let dir: string;
let pdfPath: string;
beforeAll(() => {
  // A real, minimal PDF: the server checks the signature, not just the declared type.
  dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-pdf-'));
  pdfPath = join(dir, 'Relevé de décision COPIL.pdf');
  writeFileSync(
    pdfPath,
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function signedIn(email: string): Promise<Page> {
  const session = await openSession();
  sessions.push(session);
  await signIn(session.page, email, DEMO_PASSWORD);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session.page;
}

/** What the API says, read with the page's own session. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${BASE_URL}/api/v1${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function coordDomCounts(page: Page) {
  const portfolio = await apiGet<Portfolio>(page, '/programmes/pascaline/portfolio');
  return portfolio.consortia.find((c) => c.id === 'coord-dom')!.milestones;
}

async function openMilestone(page: Page, milestone: Milestone) {
  await page.goto(`${BASE_URL}/milestones/${milestone.id}`);
  await page.getByRole('heading', { level: 1, name: milestone.title.fr }).waitFor();
}

/** Takes a transition through its dialog, with the comment the dialog asks for. */
async function act(page: Page, action: string, done: string, comment?: string) {
  await page
    .getByRole('region', { name: 'Actions sur le jalon' })
    .getByRole('button', { name: action })
    .click();
  const dialog = page.getByRole('dialog');
  // The comment is the dialog's text area (the submit dialog also has a date field).
  if (comment) await dialog.locator('textarea').fill(comment);
  await dialog.getByRole('button', { name: action }).click();
  await page.getByText(done).waitFor();
}

describe('a milestone from start to approval, in Chromium against the real server', () => {
  it('lead updates, re-plans, attaches a PDF and submits; manager requests changes; lead resubmits; manager approves', async () => {
    const lead = await signedIn(LEAD);
    await lead.getByRole('heading', { level: 1, name: 'Coord@Dom' }).waitFor();
    const milestones = await apiGet<{ items: Milestone[] }>(
      lead,
      '/consortia/coord-dom/milestones',
    );
    const target = milestones.items.find((m) => m.status === 'planned' && !m.requiresKpiValues)!;
    expect(target).toBeDefined();
    const before = await coordDomCounts(lead);

    // The lead finds it in the consortium's table and opens it.
    await lead.getByRole('link', { name: target.title.fr }).click();
    await lead.getByRole('heading', { level: 1, name: target.title.fr }).waitFor();
    await act(lead, 'Démarrer', 'Jalon démarré.');

    await lead
      .getByRole('button', { name: 'Mettre à jour l’avancement et la date prévue' })
      .click();
    await lead.getByLabel('Avancement (%)').fill('60');
    const newDate = target.forecastDate.slice(0, 8) + '20';
    await lead.getByLabel('Date prévue', { exact: true }).fill(newDate);
    await lead
      .getByLabel('Raison du changement de date (obligatoire)')
      .fill('COPIL avancé à la demande de l’ARS');
    await lead.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await lead.getByText('Modifications enregistrées.').waitFor();

    await lead
      .getByLabel('Pièce attendue à laquelle elle répond')
      .selectOption(target.evidenceExpected[0]!);
    await lead.getByLabel('Fichier à envoyer').setInputFiles(pdfPath);
    await lead.getByRole('button', { name: 'Envoyer le fichier' }).click();
    await lead.getByText('« Relevé de décision COPIL.pdf » a été ajoutée.').waitFor();
    const download = lead.getByRole('link', { name: /Relevé de décision COPIL\.pdf/ });
    expect(await download.getAttribute('download')).toBe('Relevé de décision COPIL.pdf');

    await act(lead, 'Soumettre pour revue', 'Jalon soumis pour revue.');
    expect(await coordDomCounts(lead)).toMatchObject({
      awaitingReview: before.awaitingReview + 1,
    });

    // The manager finds it in the review queue and asks for changes.
    const manager = await signedIn(MANAGER);
    await manager.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
    const card = manager.getByRole('article', { name: 'Coord@Dom' });
    await card.getByText(`${before.approved} sur ${before.planned}`).waitFor();
    await manager
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Revues' })
      .click();
    await manager.getByRole('heading', { level: 1, name: 'Revues' }).waitFor();
    await manager.getByRole('link', { name: target.title.fr }).click();
    await manager.getByRole('heading', { level: 1, name: target.title.fr }).waitFor();
    await manager.getByText('Relevé de décision COPIL.pdf').first().waitFor();
    await act(
      manager,
      'Demander des modifications',
      'Modifications demandées au chef de file.',
      'Joindre aussi la feuille de présence du COPIL.',
    );

    // The lead sees the feedback and resubmits.
    await openMilestone(lead, target);
    await lead
      .getByRole('list', { name: 'Fil du jalon' })
      .getByText('Joindre aussi la feuille de présence du COPIL.')
      .waitFor();
    await act(
      lead,
      'Soumettre pour revue',
      'Jalon soumis pour revue.',
      'Feuille jointe au relevé.',
    );

    // The manager approves.
    await openMilestone(manager, target);
    await act(manager, 'Valider', 'Jalon validé.');
    const approved = await apiGet<Milestone>(manager, `/milestones/${target.id}`);
    expect(approved).toMatchObject({ status: 'approved', progress: 100, forecastDate: newDate });

    // The history names each step, with who and when.
    await manager.reload();
    const history = manager.getByRole('table', { name: /Historique du jalon/ });
    await history.waitFor();
    const rows = await history.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(rows.filter((r) => r.includes('Thomas Leroy')).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.includes('Claire Martin')).length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(r).toMatch(/\d{1,2}:\d{2}/);
    const thread = manager.getByRole('list', { name: 'Fil du jalon' });
    for (const step of [
      'a démarré le jalon',
      'a reporté la date prévue',
      'a ajouté une pièce',
      'a soumis le jalon pour revue',
      'a demandé des modifications',
      'a validé le jalon',
    ]) {
      expect(await thread.getByText(step).count()).toBeGreaterThan(0);
    }

    // The portfolio counts follow.
    expect(await coordDomCounts(manager)).toMatchObject({
      approved: before.approved + 1,
      awaitingReview: before.awaitingReview,
    });
    await manager.goto(BASE_URL);
    await manager
      .getByRole('article', { name: 'Coord@Dom' })
      .getByText(`${before.approved + 1} sur ${before.planned}`)
      .waitFor();
  });

  it('two people edit one milestone: the second sees the conflict, re-applies, and nothing is lost', async () => {
    const [lead, manager] = await Promise.all([signedIn(LEAD), signedIn(MANAGER)]);
    const milestones = await apiGet<{ items: Milestone[] }>(
      lead,
      '/consortia/coord-dom/milestones',
    );
    const target = milestones.items.find((m) => m.status === 'in_progress')!;
    await Promise.all([openMilestone(lead, target), openMilestone(manager, target)]);
    const open = 'Mettre à jour l’avancement et la date prévue';
    await Promise.all([
      lead.getByRole('button', { name: open }).click(),
      manager.getByRole('button', { name: open }).click(),
    ]);

    const managerDate = target.forecastDate.slice(0, 8) + '15';
    await manager.getByLabel('Date prévue', { exact: true }).fill(managerDate);
    await manager
      .getByLabel('Raison du changement de date (obligatoire)')
      .fill('Calendrier du comité revu');
    await lead.getByLabel('Avancement (%)').fill('55');

    await manager.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await manager.getByText('Modifications enregistrées.').waitFor();
    await lead.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    const conflict = lead.getByRole('region', { name: 'Quelqu’un a modifié ce jalon avant vous' });
    await conflict.waitFor();
    const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${managerDate}T00:00:00Z`),
    );
    await conflict.getByText(date).waitFor();
    await conflict.getByText('55 %').waitFor();
    expect(await axeViolations(lead)).toEqual([]);
    await conflict.getByRole('button', { name: 'Appliquer mes modifications' }).click();
    await lead.getByText('Modifications enregistrées.').waitFor();

    const stored = await apiGet<Milestone>(lead, `/milestones/${target.id}`);
    expect(stored).toMatchObject({ progress: 55, forecastDate: managerDate });
    const events = await apiGet<{ items: { type: string; newDate: string | null }[] }>(
      lead,
      `/milestones/${target.id}/events`,
    );
    expect(
      events.items.filter((e) => e.type === 'replan' && e.newDate === managerDate),
    ).toHaveLength(1);
  });

  it('has no accessibility violations on the milestone page, the review queue and the timeline', async () => {
    const manager = await signedIn(MANAGER);
    await manager.getByRole('heading', { level: 1, name: 'Pascaline — incubateur' }).waitFor();
    await manager.goto(`${BASE_URL}/reviews`);
    await manager.getByRole('heading', { level: 1, name: 'Revues' }).waitFor();
    expect(await axeViolations(manager)).toEqual([]);

    const milestones = await apiGet<{ items: Milestone[] }>(
      manager,
      '/consortia/sortie-plus/milestones',
    );
    await openMilestone(manager, milestones.items[0]!);
    await manager
      .getByRole('table', { name: /Historique du jalon/ })
      .or(manager.getByText('Aucune modification enregistrée pour l’instant.'))
      .waitFor();
    expect(await axeViolations(manager)).toEqual([]);

    await manager.goto(`${BASE_URL}/timeline`);
    await manager.getByRole('heading', { level: 1, name: 'Calendrier' }).waitFor();
    expect(await axeViolations(manager)).toEqual([]);
    // Every bar is reachable by keyboard, named with its dates.
    const bar = manager
      .getByRole('region', { name: /Calendrier des jalons/ })
      .getByRole('link')
      .first();
    await bar.focus();
    expect(await bar.getAttribute('aria-label')).toMatch(
      /début .* référence .* prévision .* date réelle/,
    );
    await manager.getByRole('button', { name: 'Afficher en tableau' }).click();
    await manager.getByRole('table').first().waitFor();
    expect(await axeViolations(manager)).toEqual([]);
  });
});
