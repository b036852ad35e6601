import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { periodOfDate, todayIso } from '@domain/rules/periods';
import { formatPeriod } from '@/lib/format';
import { axeViolations, BASE_URL, openSession, signIn, type Session } from './browser';

/** The server seeds the demo for today: the current month is the one a lead fills in. */
const MONTH = formatPeriod(periodOfDate(todayIso(), 'monthly'), 'fr');
const ENTRY = `${BASE_URL}/consortia/coord-dom/kpis/entry`;

let sessions: Session[] = [];
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

async function as(email: string): Promise<Page> {
  const session = await openSession();
  sessions.push(session);
  await signIn(session.page, email, DEMO_PASSWORD);
  await session.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return session.page;
}

/** The entry grid's cell of a KPI in the current month (the last column). */
const cell = (page: Page, code: string) =>
  page
    .getByRole('row', { name: new RegExp(code) })
    .getByRole('gridcell')
    .last()
    .getByRole('button');

/** "4,5 jours" → 4.5, "55,0 %" → 55, "1 200" → 1200. */
function numberIn(text: string): number {
  return Number(text.replace(/[^\d,.-]/g, '').replace(',', '.'));
}

async function targetOf(dialog: Locator): Promise<number> {
  return numberIn((await dialog.locator('.cell-facts dd').first().textContent()) ?? '');
}

/** Opens a cell, types the value (or numerator / denominator), explains if asked, saves. */
async function enter(page: Page, code: string, value: (target: number) => number) {
  await cell(page, code).click();
  const dialog = page.getByRole('dialog');
  const target = await targetOf(dialog);
  const numerator = dialog.getByRole('textbox', { name: 'Numérateur' });
  if (await numerator.count()) {
    await numerator.fill(String(Math.round(value(target))));
    await dialog.getByRole('textbox', { name: 'Dénominateur' }).fill('100');
  } else {
    await dialog.getByRole('textbox', { name: /^Valeur/ }).fill(String(value(target)));
  }
  const explanation = dialog.getByRole('textbox', { name: 'Explication de l’écart' });
  if (await explanation.count()) await explanation.fill('Écart suivi en comité technique.');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText(`Valeur enregistrée : ${code}, ${MONTH}.`).waitFor();
}

describe('KPIs end to end, on the production server', () => {
  it('a lead enters a month with a red value and a correction; the manager sees it red everywhere', async () => {
    const lead = await as('lead@jalon.test');
    await lead.goto(ENTRY);
    await lead.getByRole('grid').waitFor();
    expect(await axeViolations(lead)).toEqual([]);

    // The grid works with the keyboard: its single tab stop is the current month of the first row.
    await lead.locator('.entry-cell[tabindex="0"]').focus();
    await lead.keyboard.press('Enter');
    await lead.getByRole('dialog').waitFor();
    await lead.keyboard.press('Escape');
    await expect(lead.getByRole('dialog').count()).resolves.toBe(0);

    for (const code of ['DELAI', 'PAT_INC', 'PPS', 'PRO_ACT']) await enter(lead, code, (t) => t);

    // The red value: refused without an explanation, saved with one.
    await cell(lead, 'PRO_EQ').click();
    const dialog = lead.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Valeur/ }).fill('12');
    await dialog.getByText('Hors cible', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog
      .getByText('La valeur est hors cible : expliquez l’écart pour pouvoir l’enregistrer.')
      .waitFor();
    await dialog
      .getByRole('textbox', { name: 'Explication de l’écart' })
      .fill('Migration de l’hébergement HDS : comptes suspendus tout le mois.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await lead.getByText(`Valeur enregistrée : PRO_EQ, ${MONTH}.`).waitFor();
    await expect(cell(lead, 'PRO_EQ').textContent()).resolves.toMatch(/12.*Hors cible/);

    // A correction keeps the superseded value: the cell's history shows both.
    await enter(lead, 'PAT_INC', (t) => t + 7);
    await cell(lead, 'PAT_INC').click();
    const history = lead
      .getByRole('dialog')
      .getByRole('region', { name: 'Historique de la cellule' });
    await history.getByText('Révision 2').waitFor();
    const items = await history.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/Révision 2.*Saisie par Thomas Leroy/);
    expect(items[1]).toMatch(/Révision 1.*Saisie par Thomas Leroy/);
    expect(await axeViolations(lead)).toEqual([]);
    await lead.keyboard.press('Escape');

    // The manager sees the KPI turn red on the consortium overview…
    const manager = await as('manager@jalon.test');
    await manager.goto(`${BASE_URL}/consortia/coord-dom`);
    const row = manager
      .getByRole('table', { name: /Indicateurs suivis par Coord@Dom/ })
      .getByRole('row', { name: /PRO_EQ/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(new RegExp(`${MONTH}.*12.*Hors cible`));

    // …on the KPI detail, with its chart…
    await row.getByRole('link').click();
    await manager
      .getByRole('heading', { level: 1, name: 'Professionnels équipés (comptes ouverts)' })
      .waitFor();
    await manager.locator('.chart-box svg .recharts-line path').first().waitFor();
    expect(await axeViolations(manager)).toEqual([]);

    // …and in the cross-consortium chart and its table.
    await manager.getByRole('link', { name: 'Comparer les consortiums' }).click();
    await manager.getByRole('heading', { name: /dans chaque consortium/ }).waitFor();
    await expect(manager.locator('.chart-legend').textContent()).resolves.toMatch(
      /Coord@Dom.*Sortie\+.*EHPAD Connect/,
    );
    expect(await axeViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: 'Voir en tableau' }).click();
    const crossRow = manager.getByRole('row', { name: new RegExp(`Coord@Dom — ${MONTH}`) });
    await expect(crossRow.textContent()).resolves.toMatch(/12.*Hors cible/);
    expect(await axeViolations(manager)).toEqual([]);
  });
});
